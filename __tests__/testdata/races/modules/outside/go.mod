module example.com/racefix/outside

go 1.22
