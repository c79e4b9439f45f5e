"""Numeric keys of question_banks/recycling-2 recomputed from the data in each stem."""

FORMULAS: dict[str, str] = {
    # item id: arithmetic over the numbers the stem (or its stimulus) gives; + - * / ** ( ) and
    # sqrt(), log(), log10(), exp() only; unit factors 1000, 100, 60, 3600 etc. may be used freely
    "RCY2-010": "58.93 / (6.94 + 58.93 + 2 * 16.00) * 100",  # mass % of Co in LiCoO2
    "RCY2-015": "2.5 * 1000 * 18 / 1000",  # m³ -> L, g -> kg
    "RCY2-019": "53.0 / 16 * 8",  # S-PACK: eight cells on one side of the MSD
    "RCY2-029": "15 * 3.2 * 100 * 0.80 * 0.90 / 1000",  # V x Ah x SOH x DoD, Wh -> kWh
    "RCY2-034": "53.0 ** 2 / 2.0",  # S-PACK: P = V²/R
    "RCY2-037": "500 * 400 / 1000",  # Ω/V x V, Ω -> kΩ
    "RCY2-051": "500 * 1.0 * 74.1 / 1000",  # mol H2SO4 = mol Ca(OH)2, g -> kg
    "RCY2-064": "138 * 1000 / 1050",  # S-NAMEPLATE: Wh / kg
    "RCY2-066": "96485 / 3.6 / 157.76",  # C/mol / (C/mAh) / (g/mol)
    "RCY2-068": "200 * 0.029",  # S-LEACH: feed x Li assay
    "RCY2-073": "7.6 * 2.0 * 1000 / (200 * 1000 * 0.080) * 100",  # S-LEACH: Co in liquor / Co fed
    "RCY2-074": "2.8 * 2.0 * 1000 / 6.94 / 2 * 73.89 / 1000",  # S-LEACH: mol Li / 2 x M(Li2CO3)
    "RCY2-082": "400 * 3.2 * 100 * 0.30 / 1000",  # cells x V x Ah x SOC, Wh -> kWh
    "RCY2-087": "231 / 280 * 100",  # S-GRADE: C3 capacity / rated
    "RCY2-088": "51.2 * 86 / 1000",  # S-INTAKE: rated V x measured Ah
    "RCY2-096": "(82 - 70) / ((100 - 82) / 1600)",  # margin / linear fade per cycle
    "RCY2-097": "252 / 140",  # S-GRADE: Ah / A
    "RCY2-101": "48.6 / 25",  # S-DISCHARGE: R = V / I at the start
    "RCY2-105": "(3.305 - 3.261) / 100 * 1000",  # ΔV / I, Ω -> mΩ
    "RCY2-118": "14.5 * 40 * 1000 / 1000000",  # S-WASTE: mg/L x m³/day, mg -> kg
}
NO_DATA: dict[str, str] = {
    # item id: why the stem gives no data to compute from (e.g. recall of a standard value)
}
