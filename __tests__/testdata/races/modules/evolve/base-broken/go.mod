module example.com/racefix/evolve

go 1.22
