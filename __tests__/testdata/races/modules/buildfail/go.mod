module example.com/racefix/buildfail

go 1.22
