module example.com/racefix/timeout

go 1.22
