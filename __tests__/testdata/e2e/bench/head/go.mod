module example.com/benchy

go 1.22
