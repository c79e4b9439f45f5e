"""Numeric keys of question_banks/maintenance-3 recomputed from the data in each stem."""

FORMULAS: dict[str, str] = {
    # item id: arithmetic over the numbers the stem (or its stimulus) gives; + - * / ** ( ) and
    # sqrt(), log(), log10(), exp() only; unit factors 1000, 100, 60, 3600 etc. may be used freely
    # F1 theoretical capacity of LiFePO4: charge per mole ÷ molar mass, C/g to mAh/g
    "MNT3-003": "96485 / 157.76 * 1000 / 3600",
    # F2 charge of 1 L of 1.6 mol/L vanadium electrolyte, C to Ah
    "MNT3-006": "1.6 * 96485 / 3600",
    # P1 module energy ÷ envelope volume (S-MODULE), mm³ to L
    "MNT3-018": "16 * 3.2 * 280 / (600 * 360 * 240 / 1000000)",
    # P1 16 modules of 16 cells at the 3.65 V charge cut-off (S-MODULE)
    "MNT3-019": "16 * 16 * 3.65",
    # P1 usable energy over the 10–95 % SOC window (S-SITE)
    "MNT3-022": "40 * (0.95 - 0.10)",
    # P1 AC energy in = AC energy out ÷ round-trip efficiency, auxiliaries excluded (S-SITE)
    "MNT3-023": "25 / 0.88",
    # P2 line current I = P / (√3 V_LL) at unity power factor
    "MNT3-027": "1000 * 1000 / (sqrt(3) * 690)",
    # P3 busbars in a 1P16S string: n − 1 (S-MODULE)
    "MNT3-031": "16 - 1",
    # P4 capacity lost from year 2 to year 4, per year, MWh to kWh (S-FADE)
    "MNT3-036": "(1.910 - 1.770) / (4 - 2) * 1000",
    # P4 coulombic efficiency = charge out ÷ charge in
    "MNT3-039": "278.6 / 280.0 * 100",
    # R2 balancing time = excess charge ÷ bleed current (mA to A)
    "MNT3-050": "2.0 / (100 / 1000)",
    # R4 availability = (hours − hours unavailable) ÷ hours
    "MNT3-056": "(8760 - 26.28) / 8760 * 100",
    # P1 container energy: racks × cells × voltage × capacity, Wh to kWh
    "MNT3-074": "10 * 240 * 3.2 * 280 / 1000",
    # P2 active power left: P = √(S² − Q²)
    "MNT3-080": "sqrt(1250 ** 2 - 750 ** 2)",
    # P4 DC internal resistance = ΔV ÷ I, Ω to mΩ
    "MNT3-087": "(3.300 - 3.244) / 140 * 1000",
    # R4 reorder point = usage over the lead time + safety stock
    "MNT3-100": "4 * 3 / 12 + 1",
    # F3 specific energy = nominal voltage × capacity ÷ mass (S-CELL)
    "MNT3-106": "3.2 * 280 / 5.4",
    # P4 maximum continuous charge current 0.5C (S-CELL)
    "MNT3-108": "0.5 * 280",
    # P4 cell voltage spread, V to mV (S-BMS)
    "MNT3-110": "(3.262 - 3.121) * 1000",
    # P2 insulation warning: 500 Ω/V × maximum rack voltage (240 × 3.65 V), Ω to kΩ (S-BMS)
    "MNT3-111": "500 * 240 * 3.65 / 1000",
    # P4 rack DC power = U × I, W to kW (S-BMS)
    "MNT3-113": "777.6 * 126 / 1000",
    # R2 temperature rise between the alarms at 02:14 and 02:22 (S-LOG)
    "MNT3-115": "(56 - 46) / (22 - 14)",
    # R4 sample of 10 % of 8 racks × 30 connections (S-WO)
    "MNT3-119": "8 * 30 * 0.10",
}
NO_DATA: dict[str, str] = {
    # item id: why the stem gives no data to compute from (e.g. recall of a standard value)
}
