"""Numeric keys of question_banks/recycling-3 recomputed from the data in each stem."""

FORMULAS: dict[str, str] = {
    # item id: arithmetic over the numbers the stem (or its stimulus) gives; + - * / ** ( ) and
    # sqrt(), log(), log10(), exp() only; unit factors 1000, 100, 60, 3600 etc. may be used freely
    # F1 mass % of Ni in LiNi0.8Mn0.1Co0.1O2
    "RCY3-003": "0.8 * 58.69 / (6.94 + 0.8 * 58.69 + 0.1 * 54.94 + 0.1 * 58.93 + 2 * 16.00) * 100",
    # F2 electrowinning: Q = I t, 2 electrons per Co, 90 % current efficiency, kg
    "RCY3-006": "500 * 24 * 3600 / 96485 * 0.90 / 2 * 58.93 / 1000",
    # F2 pH = 14 - pOH with [OH-] = (Ksp / [Fe3+]) ** (1/3)
    "RCY3-008": "14 + log10((2.8 * 10 ** -39 / (1.0 * 10 ** -5)) ** (1 / 3))",
    # F3 96S2P pack energy, kWh
    "RCY3-017": "96 * 3.65 * 2 * 60 / 1000",
    # P1 (S-HYDRO) Li in product P / Li in feed, %
    "RCY3-021": "1.70 * 0.995 * (2 * 6.94 / 73.89) / (10 * 4.0 / 100) * 100",
    # P2 (S-BESS) usable energy of one rack at 80 % SOH and a 90 % window, kWh
    "RCY3-025": "10 * 12 * 3.2 * 150 * 0.80 * 0.90 / 1000",
    # P2 (S-BESS) rack current at 20 kW and nominal rack voltage, A
    "RCY3-026": "20 * 1000 / (10 * 12 * 3.2)",
    # P3 black mass per day, t
    "RCY3-034": "2.0 * 16 * 0.85 * 0.65 * 0.40",
    # P4 Li2CO3 purity from Li content, %
    "RCY3-039": "0.1871 / (2 * 6.94 / 73.89) / 1.000 * 100",
    # R2 Na2SO4 formed per tonne of black mass, t
    "RCY3-050": "1.2 * 142.04 / 98.08",
    # R4 OEE, %
    "RCY3-056": "0.90 * 0.85 * 0.95 * 100",
    # F1 theoretical capacity of LiFePO4, mAh/g
    "RCY3-063": "96485 / (3.6 * 157.76)",
    # F2 litres of 98 % acid for 1000 L of 2.0 mol/L H2SO4
    "RCY3-067": "2.0 * 1000 * 98.08 / 1000 / 0.98 / 1.84",
    # F2 cobalt left after 3 cross-current contacts, D = 4.0, O/A = 1, %
    "RCY3-070": "(1 / (1 + 4.0 * 1)) ** 3 * 100",
    # F3 energy efficiency = coulombic x voltage efficiency, %
    "RCY3-074": "0.99 * 3.20 / 3.45 * 100",
    # P1 (S-HYDRO) CoSO4.7H2O per day, t
    "RCY3-079": "10 * 6.0 / 100 * 0.98 * 281.1 / 58.93",
    # P1 Li2O in slag, %
    "RCY3-084": "1000 * 1.8 / 100 * 29.88 / (2 * 6.94) / 450 * 100",
    # P2 remaining cycles to 70 % SOH at a linear fade rate
    "RCY3-089": "(88 - 70) / ((100 - 88) / 1500)",
    # P2 rack charge voltage, V
    "RCY3-092": "240 * 3.50",
    # P2 (S-GRADING) series string limited by M02 (97.8 Ah), kWh
    "RCY3-095": "3 * 51.2 * 97.8 / 1000",
    # P3 initial load-bank power V^2 / R, kW
    "RCY3-102": "372 ** 2 / 15.5 / 1000",
    # P3 copper distribution to the fines, %
    "RCY3-104": "4.2 * 3.5 / (10.0 * 12.0) * 100",
    # P4 (S-GRADING) energy-based SOH of M07, %
    "RCY3-106": "4.78 * 1000 / (51.2 * 120) * 100",
    # P4 (S-ICP) Co in black mass: mg/L x dilution x volume / sample mass, %
    "RCY3-110": "5.95 * 10 * 250.0 / 1000 / (0.2480 * 1000) * 100",
    # P4 DCIR = dV / I, mOhm
    "RCY3-113": "(3.305 - 3.221) / 60 * 1000",
    # R2 (S-EFFLUENT) nickel above the licence limit in week 3, g
    "RCY3-121": "(0.82 - 0.5) * 120 * 7",
    # R2 fluorine in 1000 kg of electrolyte with 12 % LiPF6, kg
    "RCY3-125": "1000 * 12 / 100 * 6 * 19.00 / 151.9",
    # R4 (S-LINELOG) availability = run time / planned time, %
    "RCY3-130": "(480 - 45 - 15) / 480 * 100",
}
NO_DATA: dict[str, str] = {
    # item id: why the stem gives no data to compute from (e.g. recall of a standard value)
}
