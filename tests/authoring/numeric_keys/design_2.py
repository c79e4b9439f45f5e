"""Numeric keys of question_banks/design-2 recomputed from the data in each stem."""

FORMULAS: dict[str, str] = {
    # item id: arithmetic over the numbers the stem (or its stimulus) gives; + - * / ** ( ) and
    # sqrt(), log(), log10(), exp() only; unit factors 1000, 100, 60, 3600 etc. may be used freely
    # F1 materials
    "DSN2-005": "3.0 * 1.1 / 340 * 1000",  # N/P ratio x cathode areal capacity / graphite mAh/g, g -> mg
    "DSN2-067": "20 * 95 / 100 * 150 / 1000",  # coating mg/cm2 x active share x mAh/g, mg -> g
    "DSN2-070": "16.3 * 92.8 / 100",  # S-APPENDIX: lithium-ion share of electrochemical GW
    # F2 chemistry
    "DSN2-010": "96485 / (6 * 12.01) * 1000 / 3600",  # one electron per C6, C/g -> mAh/g
    "DSN2-011": "3600 / 96485 * 6.94",  # 1 Ah in C / F x M(Li)
    "DSN2-075": "96485 / 157.76 * 1000 / 3600",  # one electron per LiFePO4, C/g -> mAh/g
    "DSN2-081": "3600 / 96485 * 98.08",  # one H2SO4 per electron
    "DSN2-138": "1.26 + 2 * 8.314 * 298 / 96485 * log(80 / 100 / (1 - 80 / 100))",  # VRB Nernst
    # P1 electrical
    "DSN2-017": "80 * 0.5",  # S-BMS: I x R in A x mOhm = mV
    "DSN2-019": "16 + 1",  # S-BMS: n + 1 sense wires
    "DSN2-023": "0.0175 * 2 * 3 / 35 * 150",  # rho x both cables / area x I
    "DSN2-082": "16 * 3.2",  # S-BMS: series cells x nominal cell voltage
    "DSN2-084": "100 ** 2 * 0.5 / 1000",  # S-BMS: I^2 R, mOhm -> Ohm
    "DSN2-087": "240 * 3.65 * 500 / 1000",  # max string voltage x Ohm/V, Ohm -> kOhm
    "DSN2-089": "-log(1 - 95 / 100) * 50 * 2000 / 1e6",  # t = -RC ln(1 - 0.95), uF -> F
    "DSN2-094": "(3.65 - 3.46) * 1000",  # S-READINGS: max - min cell voltage, V -> mV
    "DSN2-095": "2.5 / (35 / 1000 * 2)",  # S-READINGS: Ah / (bleed A x 2 h per day)
    # P2 structure
    "DSN2-027": "3.2 * 280 / (72 * 174 * 207 / 1e6)",  # S-DATASHEET: Wh / L
    "DSN2-028": "280 ** 2 * 0.25 / 1000",  # S-DATASHEET: (1C)^2 x R, mOhm -> Ohm
    "DSN2-030": "16 * 72 + (16 - 1) * 1 + 2 * 10",  # cells + sheets between neighbours + end plates
    "DSN2-096": "2 * 280",  # 2P of 280 Ah
    "DSN2-099": "3.2 * 280 / 5.4",  # S-DATASHEET: Wh / kg
    "DSN2-101": "16 * 12 / (2 / 60 * 1.05 * 3600)",  # heat / (mass flow x c)
    "DSN2-103": "0.1 * 174 * 207 / 1000",  # S-DATASHEET: MPa x large face mm2 = N, N -> kN
    # P3 quality
    "DSN2-037": "8 * 3 * 4",  # RPN = S x O x D
    "DSN2-038": "(72.0 + 0.6 - 72.2) / (3 * 0.1)",  # Cpu, the smaller side
    "DSN2-110": "98 / 100 * 95 / 100 * 99",  # rolled throughput yield in %
    "DSN2-113": "5.15 / 5.54 * 100",  # S-TESTREPORT: discharge / charge energy in %
    "DSN2-114": "(1 - 2 / 100) ** 20 * 100",  # P(no defective in 20) in %
}
NO_DATA: dict[str, str] = {
    # item id: why the stem gives no data to compute from (e.g. recall of a standard value)
}
