module example.com/evolve

go 1.22
