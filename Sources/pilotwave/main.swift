print("pilotwave")
