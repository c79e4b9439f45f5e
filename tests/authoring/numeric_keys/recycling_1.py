"""Numeric keys of question_banks/recycling-1 recomputed from the data in each stem."""

FORMULAS: dict[str, str] = {
    # item id: arithmetic over the numbers the stem (or its stimulus) gives; + - * / ** ( ) and
    # sqrt(), log(), log10(), exp() only; unit factors 1000, 100, 60, 3600 etc. may be used freely
    "RCY1-025": "3.6 * 5000 / 1000",  # V x mAh, mAh -> Ah
    "RCY1-026": "500 - 9 * (46 - 8)",  # permit - drums x (gross - tare)
    "RCY1-031": "25 * 1.8 / 50 * 100",  # A x h / rated Ah
    "RCY1-032": "0.2 * 120",  # C-rate x rated Ah
    "RCY1-055": "5 * 4 * 3 * 6",  # room volume x air changes per hour
    "RCY1-062": "12 / 2",  # battery voltage / 2 V per lead-acid cell (recalled nominal value)
    "RCY1-071": "0.55 * 1000 * 6.94 / 157.76",  # kg -> g, x Li mass fraction of LiFePO4
    "RCY1-078": "36 * 10.4",  # S-INTAKE battery 5: V x Ah
    "RCY1-085": "(0.90 - 0.40) * 100 / 20",  # charge to remove / current
    "RCY1-089": "3.2 * 93",  # S-GRADING C1: rated V x measured Ah
    "RCY1-092": "40.0 / 16",  # S-MODULE: module cut-off / cells in series (16S1P)
    "RCY1-093": "4.30 / 5.12 * 100",  # S-MODULE: delivered / rated energy
    "RCY1-095": "(3.292 - 3.105) * 1000",  # S-BMS: highest - lowest cell, V -> mV
    "RCY1-100": "(50 * 1.5 + 25 * 0.4) / 100 * 100",  # two discharge steps / rated Ah
    "RCY1-101": "0.85 * 280 / (0.2 * 280)",  # present capacity / current at 0.2C of rated
    "RCY1-121": "200 * 110 / 100",  # 110 % of the largest container
    "RCY1-126": "2.0 * 4.9 * 2 * 84.0 / 1000",  # mol H2SO4 x 2 mol NaHCO3 per mol x M, g -> kg
    "RCY1-128": "0.05 * (48 / 2) * 1.5",  # Q = 0.05 x n x I with n = 48 V / 2 V
}
NO_DATA: dict[str, str] = {
    # item id: why the stem gives no data to compute from (e.g. recall of a standard value)
}
