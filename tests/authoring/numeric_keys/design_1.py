"""Numeric keys of question_banks/design-1 recomputed from the data in each stem."""

FORMULAS: dict[str, str] = {
    # item id: arithmetic over the numbers the stem (or its stimulus) gives; + - * / ** ( ) and
    # sqrt(), log(), log10(), exp() only; unit factors 1000, 100, 60, 3600 etc. may be used freely
    # F1 materials
    "DSN1-012": "400 * 0.95 * 150 / 1000",  # active mass x specific capacity, mAh -> Ah
    "DSN1-074": "96485 / (3.6 * 157.76)",  # F / M, C/g -> mAh/g
    "DSN1-075": "100 * 1.10 * 1000 / 340",  # negative capacity (mAh) / graphite mAh per g
    # P1 drawings (S-DRAWING: scale 2:1 in the title block)
    "DSN1-019": "65 * 2",  # drawn length at 2:1
    "DSN1-027": "207.2 - 0.5",  # lower limit
    "DSN1-082": "38 * 5",  # real length at 1:5
    "DSN1-086": "12 * (54.0 + 0.4)",  # worst-case stack of upper-limit cells
    "DSN1-087": "(8.5 + 0.2) - (8.0 - 0.15)",  # largest hole - smallest stud
    "DSN1-090": "(20 + 0.2) + (130 + 0.3)",  # chain: tolerances add
    "DSN1-092": "16 * 72 + 15 * 1",  # S-DATASHEET thickness 72 mm; 15 sheets of 1 mm
    # P2 sizing (S-MODULE: 4 series groups of 2 parallel 3.2 V 100 Ah cells)
    "DSN1-029": "4 * 3.2",
    "DSN1-030": "4 * 3.2 * 2 * 100 / 1000",
    "DSN1-031": "38.4 / 3.2",
    "DSN1-032": "0.5 * 280",  # S-DATASHEET standard current 0.5C of 280 Ah
    "DSN1-035": "16 * 3.2 * 100 * 0.9 / 1000",  # S-REQUEST usable energy of one string
    "DSN1-036": "51.2 * 100 / (1.28 * 1000)",
    "DSN1-039": "16 * 3.65",
    "DSN1-093": "3.2 * 280",  # S-DATASHEET
    "DSN1-094": "16 * 5.4",  # S-DATASHEET
    "DSN1-096": "15 * 3.2 * 280 / 1000",  # S-DATASHEET
    "DSN1-097": "16 * 2.5",  # S-DATASHEET discharge cut-off
    "DSN1-098": "101.8 + 102.1 + 102.0",  # S-INCOMING cells 01, 02, 06 in parallel
    "DSN1-099": "4 * 3.65",  # S-MODULE 4 series groups
    "DSN1-101": "3.2 * 280 / 5.4",  # S-DATASHEET Wh/kg
    "DSN1-102": "3.2 * 280 / (174 * 72 * 207 / 1e6)",  # S-DATASHEET Wh/L, mm3 -> L
    "DSN1-104": "3 * 1000 / (16 * 2.5)",  # S-REQUEST 3 kW at the lowest 16S voltage
    "DSN1-106": "100",  # S-MODULE: the group of C3 and C4 keeps one 100 Ah cell and limits the string
    "DSN1-108": "100 / 2 / 100",  # S-MODULE: 100 A shared by 2 parallel cells of 100 Ah
}
NO_DATA: dict[str, str] = {
    # item id: why the stem gives no data to compute from (e.g. recall of a standard value)
}
