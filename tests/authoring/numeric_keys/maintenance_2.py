"""Numeric keys of question_banks/maintenance-2 recomputed from the data in each stem."""

FORMULAS: dict[str, str] = {
    # item id: arithmetic over the numbers the stem (or its stimulus) gives; + - * / ** ( ) and
    # sqrt(), log(), log10(), exp() only; unit factors 1000, 100, 60, 3600 etc. may be used freely
    "MNT2-011": "3600 / 96485 * 6.94",  # Faraday: mol of electrons in 1 Ah x molar mass of Li
    "MNT2-015": "1.69 + 0.36",  # E(positive) - E(negative) = 1.69 - (-0.36)
    "MNT2-019": "240 * 3.2 * 280 / 1000",  # S-RACK: V x Ah, Wh -> kWh
    "MNT2-020": "240 * 3.2 / 50",  # S-RACK: rack voltage across the precharge resistor
    "MNT2-027": "51.2 / 3.2 * (200 / 100)",  # 16S x 2P
    "MNT2-030": "15 * 200 ** 2 * 0.1 / 1000",  # 15 joints x I^2 R, mOhm -> Ohm
    "MNT2-035": "(3.300 - 3.240) / 100 * 1000",  # dV / I, Ohm -> mOhm
    "MNT2-036": "95 / 108 * 100",  # energy out / energy in, percent
    "MNT2-047": "(3.297 - 3.212) * 1000",  # S-MAINT: cell 10 - cell 11, V -> mV
    "MNT2-068": "2 * 100 * 3600 / 96485 / 2 * 18.02",  # Ah -> C -> mol e- -> mol H2O (2 e-) -> g
    "MNT2-072": "0.0175 * 2 * 12 / 35 * 140",  # out and back: 24 m of 35 mm2 copper, x current
    "MNT2-073": "50 * 5 / 1000 * log(100)",  # S-RACK: tau = RC (5 mF), t = tau ln(1 / 0.01)
    "MNT2-074": "5 / 1000 * (240 * 3.2) ** 2 / 2 / 1000",  # S-RACK: C V^2 / 2, J -> kJ
    "MNT2-082": "100 + 90",  # the weak parallel pair limits the series string
    "MNT2-084": "24 * 1.75",
    "MNT2-088": "102.0 * 3.22 / (105.0 * 3.38) * 100",  # Wh out / Wh in, percent
    "MNT2-090": "(3.3120 - 3.3036) * 1000 / 7",  # V -> mV, per day
    "MNT2-101": "(266 - 0.8 * 280) / ((280 - 266) / 2)",  # Ah above the 80 % limit / fade per year
    "MNT2-111": "240 * 3.2 * 140 / 1000",  # S-FAULT: nominal rack voltage x 140 A, W -> kW
    "MNT2-113": "5.12 * 0.9 / 1.2",  # S-PLATE: energy x recommended DoD / load
    "MNT2-117": "140 * (1 + 42 / 60)",  # S-REPORT: 140 A for 1 h 42 min
    "MNT2-119": "140 / 280",  # S-REPORT: current / rated capacity
    "MNT2-121": "500 * 768 / 1000",  # S-BMS: ohms per volt x nominal voltage, Ohm -> kOhm
    "MNT2-125": "1.235 + 0.0007 * (35 - 25)",  # S-LEAD: cell 1 reading, corrected to 25 degC
    "MNT2-126": "24 * (2.23 - 3 / 1000 * (35 - 25))",  # S-LEAD: compensated float, mV -> V, 24 cells
    "MNT2-131": "(0.5 - 0.3) * 280 / (100 / 1000)",  # S-WORK: 20 % of 280 Ah at 100 mA
}
NO_DATA: dict[str, str] = {
    # item id: why the stem gives no data to compute from (e.g. recall of a standard value)
}
