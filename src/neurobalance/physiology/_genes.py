"""Gene-dose / activity factors, addressed by HGNC symbol (1 = reference, 0 = knockout).

Each factor multiplies the maximal rate (or receptor density) of the product it names;
modules declare which of their rates a gene scales.
"""

from __future__ import annotations

from ..model._core import Gene

__all__ = ["GENES"]

GENES: dict[str, Gene] = {
    g.symbol: g
    for g in (
        Gene("TH", "tyrosine hydroxylase (rate-limiting DA synthesis)"),
        Gene("TPH2", "tryptophan hydroxylase 2 (neuronal 5-HT synthesis)"),
        Gene("DDC", "aromatic L-amino-acid decarboxylase (AADC): L-DOPA → DA, 5-HTP → 5-HT"),
        Gene("GCH1", "GTP cyclohydrolase 1, rate-limiting for BH4 synthesis (sets the biopterin pool)"),
        Gene("QDPR", "quinoid dihydropteridine reductase (DHPR/DRR), regenerates BH4"),
        Gene("MAOA", "monoamine oxidase A (neuronal; 5-HT and DA)"),
        Gene("MAOB", "monoamine oxidase B (glial; extracellular DA catabolism)"),
        Gene("COMT", "catechol-O-methyltransferase (DOPAC → HVA)"),
        Gene("SLC6A4", "serotonin transporter SERT"),
        Gene("SLC6A3", "dopamine transporter DAT"),
        Gene("SLC18A2", "vesicular monoamine transporter VMAT2"),
        Gene("SLC7A5", "LAT1 large-neutral-amino-acid transporter (Trp, Tyr entry into the brain)"),
        Gene("DRD2", "dopamine D2 autoreceptor density"),
        Gene("HTR1B", "5-HT1B terminal autoreceptor density"),
        Gene("PAH", "phenylalanine hydroxylase (hepatic Phe → Tyr)"),
        Gene("TDO2", "tryptophan 2,3-dioxygenase (hepatic, glucocorticoid-inducible)"),
        Gene("IDO1", "indoleamine 2,3-dioxygenase 1 (extrahepatic and microglial, cytokine-inducible)"),
        Gene("KMO", "kynurenine 3-monooxygenase (Kyn → 3-HK; towards quinolinic acid)"),
        Gene("KYNU", "kynureninase (Kyn → anthranilate, 3-HK → 3-HAA)"),
        Gene("AADAT", "kynurenine aminotransferases (KAT I–III lumped; Kyn → kynurenic acid)"),
        Gene("HTR1A", "5-HT1A somatodendritic autoreceptor density (raphe firing feedback; acts when "
                      "serotonin.f_raphe_feedback_gain > 0)"),
        Gene("GLUL", "glutamine synthetase (astrocytic glutamate → glutamine)"),
        Gene("GLS", "phosphate-activated glutaminase (neuronal glutamine → glutamate)"),
        Gene("SLC1A2", "EAAT2/GLT-1, the main astrocytic glutamate transporter"),
        Gene("SLC1A3", "EAAT1/GLAST astrocytic glutamate transporter"),
        Gene("SLC7A11", "xCT, cystine–glutamate exchanger (non-vesicular glutamate release)"),
        Gene("SLC38A3", "SNAT3 (with SNAT5), astrocytic glutamine export"),
        Gene("SLC38A1", "SNAT1 (with SNAT2), neuronal glutamine uptake"),
        Gene("GAD1", "glutamate decarboxylase 67 (GAD67)"),
        Gene("GAD2", "glutamate decarboxylase 65 (GAD65)"),
        Gene("ABAT", "GABA transaminase (4-aminobutyrate aminotransferase)"),
        Gene("PDXK", "pyridoxal kinase (vitamin B6 → PLP)"),
        Gene("TAT", "tyrosine aminotransferase (hepatic tyrosine catabolism)"),
        Gene("BCAT2", "branched-chain aminotransferase (catabolism of the other LNAAs, lumped)"),
        Gene("TPH1", "tryptophan hydroxylase 1 (peripheral and hepatic 5-HT synthesis)"),
        Gene("WARS1", "tryptophanyl-tRNA synthetase (hepatic Trp use for protein synthesis)"),
        Gene("AFMID", "kynurenine formamidase (N-formylkynurenine → kynurenine)"),
        Gene("HAAO", "3-hydroxyanthranilate 3,4-dioxygenase"),
        Gene("ACMSD", "ACMS decarboxylase (diverts ACMS from quinolinate)"),
        Gene("QPRT", "quinolinate phosphoribosyltransferase"),
        Gene("AANAT", "aralkylamine N-acetyltransferase (hepatic 5-HT → N-acetylserotonin)"),
        Gene("INMT", "indolethylamine N-methyltransferase"),
        Gene("SLC7A8", "LAT2 amino-acid exchanger (hepatic Trp/Kyn transport)"),
        Gene("SLC16A10", "TAT1 aromatic amino-acid transporter (hepatic Trp uptake)"),
        Gene("CRHR1", "CRH receptor 1 (pituitary corticotrophs: CRH → ACTH)"),
        Gene("MC2R", "ACTH receptor (adrenal cortex: ACTH → cortisol)"),
        Gene("HRH3", "histamine H3 heteroreceptor on serotonergic varicosities"),
        Gene("SLC22A3", "OCT3 (with PMAT), glial uptake-2 of 5-HT"),
        Gene("HTR2A", "5-HT2A receptor density"),
        Gene("DRD1", "dopamine D1 receptor density"),
        Gene("GABRA1", "GABA-A receptor (α1-containing, benzodiazepine-sensitive) density"),
        Gene("GRIN1", "NMDA receptor (GluN1) density"),
        Gene("GRIA1", "AMPA receptor (GluA1) density"),
        Gene("NR3C1", "glucocorticoid receptor (brain) expression"),
        Gene("NR3C2", "mineralocorticoid receptor (brain) expression"),
    )
}
