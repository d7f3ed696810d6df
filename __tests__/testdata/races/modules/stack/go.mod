module example.com/racefix/stack

go 1.22
