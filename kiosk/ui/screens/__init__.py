"""The kiosk's screens: each lays out widgets and forwards what the person does to a presenter."""
