## Werkplek voor medewerkers

staff-title = Werkplek voor medewerkers
