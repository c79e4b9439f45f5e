"""Numeric keys of question_banks/design-3 recomputed from the data in each stem."""

FORMULAS: dict[str, str] = {
    # item id: arithmetic over the numbers the stem (or its stimulus) gives; + - * / ** ( ) and
    # sqrt(), log(), log10(), exp() only; unit factors 1000, 100, 60, 3600 etc. may be used freely
    # F1 areal capacity: loading × active share × specific capacity
    "DSN3-064": "20.0 * 0.95 * 155 / 1000",
    # F2 theoretical capacity of LiFePO4: F / M, C/g to mAh/g
    "DSN3-006": "96485 / 157.76 * 1000 / 3600",
    # F2 ΔG = −nFE
    "DSN3-007": "-2 * 96485 * 2.05 / 1000",
    # F2 moles of Li+ for the rated 280 Ah (S-CELLSPEC)
    "DSN3-067": "280 * 3600 / 96485",
    # F3 nominal energy of container C-01 (S-BESS)
    "DSN3-011": "10 * 416 * 3.2 * 280 / 1000000",
    # F3 grid energy bought = delivered ÷ round-trip efficiency (auxiliaries excluded)
    "DSN3-015": "80 / 0.88",
    # F3 headroom both ways over the usable SOC window
    "DSN3-076": "2 * 50 * 15 / 60 / (0.90 - 0.10)",
    # P1 coolant mass flow Q / (cp ΔT)
    "DSN3-017": "20 / (3.5 * 4)",
    # P1 rack heat at 0.5C, I²R per cell × 416 (S-CELLSPEC), in kW
    "DSN3-081": "416 * (0.5 * 280) ** 2 * 0.30 / 1000 / 1000",
    # P1 cells venting before 25 % of LFL is reached
    "DSN3-084": "0.25 * 0.08 * 60 / 0.12",
    # P1 air volume flow Q / (cp ΔT ρ)
    "DSN3-087": "5 / (1.005 * 10) / 1.2",
    # P2 highest rack voltage (S-BESS)
    "DSN3-023": "416 * 3.6",
    # P2 transformer LV current S / (√3 V) (S-BESS)
    "DSN3-024": "2000 * 1000 / (sqrt(3) * 690)",
    # P2 number of cells (S-BESS)
    "DSN3-088": "10 * 416",
    # P2 PCS DC current at the lowest rack voltage (S-BESS)
    "DSN3-093": "1725 * 1000 / (416 * 2.8)",
    # P2 prospective short-circuit current of a rack
    "DSN3-095": "416 * 3.3 / (416 * 0.30 / 1000 + 20 / 1000)",
    # P2 reactive power left within the kVA rating
    "DSN3-097": "sqrt(2000 ** 2 - 1600 ** 2)",
    # P3 RSS stack tolerance
    "DSN3-030": "sqrt(10 * 0.3 ** 2)",
    # P3 floating fastener T = H − F
    "DSN3-099": "10.0 - 8.0",
    # P4 round-trip efficiency, contract definition (auxiliaries excluded) (S-SAT)
    "DSN3-036": "3311 / 3850 * 100",
    # P4 10 s DC resistance in mΩ
    "DSN3-039": "(3.300 - 3.244) / 280 * 1000",
    # P4 1C capacity against the rating (S-CELLSPEC)
    "DSN3-103": "276.1 / 280 * 100",
    # P4 self-discharge in mV per day (S-CELLSPEC)
    "DSN3-105": "(3.3215 - 3.3180) * 1000 / 7",
    # P4 DC energy efficiency of one cycle
    "DSN3-109": "280.0 * 3.22 / (282.0 * 3.36) * 100",
    # R2 inherent availability MTBF / (MTBF + MTTR)
    "DSN3-049": "1000 / (1000 + 48) * 100",
    # R2 RPN of row 3 (S-FMEA)
    "DSN3-118": "4 * 7 * 6",
    # R4 CPI = EV / AC
    "DSN3-056": "120000 / 150000",
    # R4 longest path A–B–D–E
    "DSN3-057": "2 + 6 + 2 + 1",
    # R4 EAC = BAC / CPI (S-PROJECT)
    "DSN3-124": "1800000 / (810000 / 900000)",
}
NO_DATA: dict[str, str] = {
    # item id: why the stem gives no data to compute from (e.g. recall of a standard value)
}
