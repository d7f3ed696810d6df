module example.com/racefix/basic

go 1.22
