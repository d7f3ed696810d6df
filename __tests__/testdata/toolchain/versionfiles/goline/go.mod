module example.com/goline

go 1.24
