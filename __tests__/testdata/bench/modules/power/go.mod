module example.com/power

go 1.22
