"""Numeric keys of question_banks/maintenance-1 recomputed from the data in each stem."""

FORMULAS: dict[str, str] = {
    # item id: arithmetic over the numbers the stem (or its stimulus) gives; + - * / ** ( ) and
    # sqrt(), log(), log10(), exp() only; unit factors 1000, 100, 60, 3600 etc. may be used freely
    "MNT1-015": "4 * 3.2",  # S-PACK: 4S of 3.2 V cells
    "MNT1-016": "2 * 50",  # S-PACK: 2P of 50 Ah cells
    "MNT1-020": "25.6 / 3.2",
    "MNT1-029": "4 * 3.2 * 2 * 50 / 1000",  # S-PACK: V x Ah, Wh -> kWh
    "MNT1-031": "105 * 0.2",
    "MNT1-032": "7 / (350 / 1000)",  # mA -> A
    "MNT1-041": "100 ** 2 * 0.5 / 1000",  # I^2 R, mOhm -> Ohm
    "MNT1-069": "3.2 * 280 / 5.4",  # S-LABEL: Wh per kg
    "MNT1-077": "24 * 2",
    "MNT1-079": "12.8 / 3.2 * (300 / 100)",  # 4S3P
    "MNT1-085": "(3.291 - 3.288) * 1000",  # S-INCOMING: cells 1, 2 and 6 pass; V -> mV
    "MNT1-088": "(3.30 - 3.05) / ((0.5 + 0.5) / 1000)",  # both internal resistances in the loop
    "MNT1-089": "3.2 * 280",  # S-LABEL
    "MNT1-095": "50 * (1 + 48 / 60)",  # S-CAPTEST: 1 h 48 min
    "MNT1-096": "(3.312 - 3.241) * 1000",  # S-BMS: V -> mV
    "MNT1-100": "50 * (1 + 48 / 60) / 100 * 100",  # S-CAPTEST: SOH in percent of 100 Ah
    "MNT1-101": "3.20 * 50 * (1 + 48 / 60)",  # S-CAPTEST: average voltage x current x time
    "MNT1-104": "(3.30 - 3.18) / 100 * 1000",  # Ohm -> mOhm
    "MNT1-106": "310 / 330 * 100",
}
NO_DATA: dict[str, str] = {
    # item id: why the stem gives no data to compute from (e.g. recall of a standard value)
}
