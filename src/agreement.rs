//! How far analysts agree: Cohen's κ on the status of the claims two workspaces both
//! reviewed, weighted κ on their Admiralty grades, Krippendorff's α over three or more, and
//! the disagreements themselves. Pure statistics over workspaces; no file is touched.

use serde::Serialize;

use crate::workspace::merge::corresponding_claims;
use crate::workspace::{ClaimId, ClaimStatus, Credibility, Grades, Reliability, Workspace};

/// One workspace to compare, with the name of its file.
#[derive(Debug, Clone, Copy)]
pub struct Rater<'a> {
    /// The file, as the analyst named it.
    pub file: &'a str,
    /// Its workspace.
    pub workspace: &'a Workspace,
}

/// The agreement between analysts' workspaces.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// The files compared, in order.
    pub files: Vec<String>,
    /// Claims reviewed (confirmed or unconfirmed) in the first two files.
    pub claims_compared: usize,
    /// The share of them with the same status; `null` when none were compared.
    pub observed_agreement: Option<f64>,
    /// Cohen's κ on status between the first two files; `null` when undefined (see `notes`).
    pub cohen_kappa: Option<f64>,
    /// Weighted κ on each Admiralty grade, over the claims both first two files graded.
    pub weighted_kappa: WeightedKappas,
    /// Statuses of the first file (rows) against the second (columns).
    pub confusion: Confusion,
    /// Every claim whose status or grades differ between the files.
    pub disagreements: Vec<Disagreement>,
    /// Krippendorff's α over every file, with three files or more.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub krippendorff_alpha: Option<Alphas>,
    /// Why a figure is missing, in words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Weighted κ for source reliability (A–F) and information credibility (1–6).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightedKappas {
    /// Source reliability, A–F read as an ordinal scale.
    pub reliability: WeightedKappa,
    /// Information credibility, 1–6 read as an ordinal scale.
    pub credibility: WeightedKappa,
}

/// Weighted κ on one ordinal grade.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightedKappa {
    /// Claims both analysts gave this grade.
    pub pairs: usize,
    /// With linear weights (1 − |i − j| / (k − 1)); `null` when undefined.
    pub linear: Option<f64>,
    /// With quadratic weights (1 − ((i − j) / (k − 1))²); `null` when undefined.
    pub quadratic: Option<f64>,
}

/// A confusion matrix of statuses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Confusion {
    /// The row and column labels.
    pub labels: [&'static str; 2],
    /// `counts[i][j]`: claims the first file gave label `i` and the second label `j`.
    pub counts: [[usize; 2]; 2],
}

/// One claim the analysts judged differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// The claim's id in the first file.
    pub claim: ClaimId,
    /// Its words.
    pub text: String,
    /// Each file's judgement, in file order (`null` where a file lacks the claim).
    pub values: Vec<Option<Judgement>>,
}

/// One analyst's judgement of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Judgement {
    /// The status.
    pub status: ClaimStatus,
    /// The grades as a code (`B2`), if any.
    pub grades: Option<String>,
    /// Who last tagged it.
    pub analyst: Option<String>,
}

/// Krippendorff's α over every file; `null` where undefined.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alphas {
    /// Claims that at least two files reviewed.
    pub units: usize,
    /// On status, nominal.
    pub status: Option<f64>,
    /// On source reliability, ordinal.
    pub reliability: Option<f64>,
    /// On information credibility, ordinal.
    pub credibility: Option<f64>,
}

/// Compares the workspaces of `raters` (at least two): claims are matched to the first
/// file's as [`corresponding_claims`] matches them.
#[must_use]
pub fn agreement(raters: &[Rater<'_>]) -> Agreement {
    let first = raters[0].workspace;
    // For each claim of the first file, each file's claim (the first's own included).
    let matches: Vec<std::collections::HashMap<ClaimId, ClaimId>> = raters
        .iter()
        .map(|rater| {
            corresponding_claims(first, rater.workspace)
                .into_iter()
                .map(|(theirs, mine)| (mine, theirs))
                .collect()
        })
        .collect();
    let judgements = |mine: ClaimId| -> Vec<Option<Judgement>> {
        raters
            .iter()
            .zip(&matches)
            .map(|(rater, matched)| {
                let claim = rater.workspace.claim(*matched.get(&mine)?)?;
                Some(Judgement {
                    status: claim.status,
                    grades: claim.grades.code(),
                    analyst: claim.history.last().map(|c| c.analyst.clone()),
                })
            })
            .collect()
    };
    let grades_of = |mine: ClaimId| -> Vec<Option<Grades>> {
        raters
            .iter()
            .zip(&matches)
            .map(|(rater, matched)| Some(rater.workspace.claim(*matched.get(&mine)?)?.grades))
            .collect()
    };

    let mut notes = Vec::new();
    let mut confusion = [[0usize; 2]; 2];
    let mut reliability_table = vec![vec![0.0; 6]; 6];
    let mut credibility_table = vec![vec![0.0; 6]; 6];
    let mut disagreements = Vec::new();
    let mut status_units: Vec<Vec<Option<usize>>> = Vec::new();
    let mut reliability_units: Vec<Vec<Option<usize>>> = Vec::new();
    let mut credibility_units: Vec<Vec<Option<usize>>> = Vec::new();
    for claim in first.claims() {
        let values = judgements(claim.id);
        let grades = grades_of(claim.id);
        let status_index =
            |j: &Option<Judgement>| j.as_ref().and_then(|j| reviewed_index(j.status));
        if let (Some(a), Some(b)) = (status_index(&values[0]), status_index(&values[1])) {
            confusion[a][b] += 1;
        }
        if let (Some(Some(a)), Some(Some(b))) = (
            grades[0].map(|g| g.reliability),
            grades[1].map(|g| g.reliability),
        ) {
            reliability_table[reliability_index(a)][reliability_index(b)] += 1.0;
        }
        if let (Some(Some(a)), Some(Some(b))) = (
            grades[0].map(|g| g.credibility),
            grades[1].map(|g| g.credibility),
        ) {
            credibility_table[credibility_index(a)][credibility_index(b)] += 1.0;
        }
        status_units.push(values.iter().map(status_index).collect());
        reliability_units.push(
            grades
                .iter()
                .map(|g| g.and_then(|g| g.reliability).map(reliability_index))
                .collect(),
        );
        credibility_units.push(
            grades
                .iter()
                .map(|g| g.and_then(|g| g.credibility).map(credibility_index))
                .collect(),
        );
        let reviewed: Vec<&Judgement> = values
            .iter()
            .flatten()
            .filter(|j| j.status != ClaimStatus::Unreviewed)
            .collect();
        let differ = reviewed.len() >= 2
            && reviewed
                .iter()
                .any(|j| j.status != reviewed[0].status || j.grades != reviewed[0].grades);
        if differ {
            disagreements.push(Disagreement {
                claim: claim.id,
                text: claim.anchor.quote.exact.clone(),
                values,
            });
        }
    }
    let table: Vec<Vec<f64>> = confusion
        .iter()
        .map(|row| row.iter().map(|&n| n as f64).collect())
        .collect();
    let compared = confusion.iter().flatten().sum::<usize>();
    let observed_agreement =
        (compared > 0).then(|| (confusion[0][0] + confusion[1][1]) as f64 / compared as f64);
    let cohen_kappa = kappa(&table, Weights::None);
    if compared == 0 {
        notes.push("No claim was reviewed in both of the first two files.".to_owned());
    } else if cohen_kappa.is_none() {
        notes.push(
            "Cohen's kappa is undefined: chance agreement is 1 (both analysts gave every claim the same one status)."
                .to_owned(),
        );
    }
    let weighted = |table: &[Vec<f64>]| WeightedKappa {
        pairs: table.iter().flatten().sum::<f64>() as usize,
        linear: kappa(table, Weights::Linear),
        quadratic: kappa(table, Weights::Quadratic),
    };
    let krippendorff_alpha = (raters.len() >= 3).then(|| Alphas {
        units: status_units
            .iter()
            .filter(|unit| unit.iter().flatten().count() >= 2)
            .count(),
        status: krippendorff_alpha(&status_units, 2, Metric::Nominal),
        reliability: krippendorff_alpha(&reliability_units, 6, Metric::Ordinal),
        credibility: krippendorff_alpha(&credibility_units, 6, Metric::Ordinal),
    });
    Agreement {
        files: raters.iter().map(|r| r.file.to_owned()).collect(),
        claims_compared: compared,
        observed_agreement,
        cohen_kappa,
        weighted_kappa: WeightedKappas {
            reliability: weighted(&reliability_table),
            credibility: weighted(&credibility_table),
        },
        confusion: Confusion {
            labels: ["confirmed", "unconfirmed"],
            counts: confusion,
        },
        disagreements,
        krippendorff_alpha,
        notes,
    }
}

fn reviewed_index(status: ClaimStatus) -> Option<usize> {
    match status {
        ClaimStatus::Confirmed => Some(0),
        ClaimStatus::Unconfirmed => Some(1),
        ClaimStatus::Unreviewed => None,
    }
}

fn reliability_index(grade: Reliability) -> usize {
    Reliability::ALL
        .iter()
        .position(|&g| g == grade)
        .unwrap_or(0)
}

fn credibility_index(grade: Credibility) -> usize {
    usize::from(grade.digit()) - 1
}

/// How near-misses count in a weighted κ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weights {
    /// Only the same category agrees (Cohen's κ).
    None,
    /// `1 − |i − j| / (k − 1)`.
    Linear,
    /// `1 − ((i − j) / (k − 1))²`.
    Quadratic,
}

/// Cohen's κ of a square contingency table (`table[i][j]`: items the first rater put in
/// category `i` and the second in `j`), with agreement `weights`. `None` when the table is
/// empty or chance agreement is 1, where κ is undefined.
#[must_use]
#[allow(clippy::cast_precision_loss)] // category counts are small
pub fn kappa(table: &[Vec<f64>], weights: Weights) -> Option<f64> {
    let k = table.len();
    let n: f64 = table.iter().flatten().sum();
    if n == 0.0 || k < 2 {
        return None;
    }
    let weight = |i: usize, j: usize| {
        let d = (i as f64 - j as f64).abs() / (k - 1) as f64;
        match weights {
            Weights::None => f64::from(u8::from(i == j)),
            Weights::Linear => 1.0 - d,
            Weights::Quadratic => 1.0 - d * d,
        }
    };
    let rows: Vec<f64> = table
        .iter()
        .map(|row| row.iter().sum::<f64>() / n)
        .collect();
    let columns: Vec<f64> = (0..k)
        .map(|j| table.iter().map(|row| row[j]).sum::<f64>() / n)
        .collect();
    let mut observed = 0.0;
    let mut chance = 0.0;
    for i in 0..k {
        for j in 0..k {
            observed += weight(i, j) * table[i][j] / n;
            chance += weight(i, j) * rows[i] * columns[j];
        }
    }
    (1.0 - chance > 1e-12).then(|| (observed - chance) / (1.0 - chance))
}

/// The distance between values that Krippendorff's α uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Different values differ equally.
    Nominal,
    /// Values are ranks: the distance grows with how many values lie between.
    Ordinal,
}

/// Krippendorff's α of `units` (each unit: each coder's value, a category index below
/// `categories`, or `None` where missing). Units with fewer than two values do not count.
/// `None` when there is nothing to compare or no expected disagreement.
#[must_use]
#[allow(clippy::cast_precision_loss)] // counts are small
pub fn krippendorff_alpha(
    units: &[Vec<Option<usize>>],
    categories: usize,
    metric: Metric,
) -> Option<f64> {
    // The coincidence matrix: each ordered pair of values in a unit, weighted 1 / (m − 1).
    let mut coincidences = vec![vec![0.0; categories]; categories];
    for unit in units {
        let values: Vec<usize> = unit.iter().flatten().copied().collect();
        let m = values.len();
        if m < 2 {
            continue;
        }
        for (a, &c) in values.iter().enumerate() {
            for (b, &k) in values.iter().enumerate() {
                if a != b {
                    coincidences[c][k] += 1.0 / (m - 1) as f64;
                }
            }
        }
    }
    let totals: Vec<f64> = coincidences.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = totals.iter().sum();
    if n <= 1.0 {
        return None;
    }
    let distance = |c: usize, k: usize| -> f64 {
        match metric {
            Metric::Nominal => f64::from(u8::from(c != k)),
            Metric::Ordinal => {
                let (low, high) = (c.min(k), c.max(k));
                let between: f64 = totals[low..=high].iter().sum();
                let d = between - f64::midpoint(totals[low], totals[high]);
                d * d
            }
        }
    };
    let mut observed = 0.0;
    let mut expected = 0.0;
    for c in 0..categories {
        for k in 0..categories {
            observed += coincidences[c][k] * distance(c, k);
            expected += totals[c] * totals[k] * distance(c, k);
        }
    }
    let expected = expected / (n - 1.0);
    (expected > 1e-12).then(|| 1.0 - observed / expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 5e-4)
    }

    #[test]
    fn cohen_kappa_of_the_textbook_table() {
        // 50 items: both yes 20, yes/no 5, no/yes 10, both no 15: p_o = 0.7, p_e = 0.5.
        let table = vec![vec![20.0, 5.0], vec![10.0, 15.0]];
        assert!(close(kappa(&table, Weights::None), 0.4));
    }

    #[test]
    fn weighted_kappa_by_hand() {
        // n = 16; linear: p_o = 14/16, p_e = 37/64, κ = 19/27; quadratic κ = 31/39;
        // unweighted κ = 13/21.
        let table = vec![
            vec![5.0, 1.0, 0.0],
            vec![1.0, 4.0, 1.0],
            vec![0.0, 1.0, 3.0],
        ];
        assert!(close(kappa(&table, Weights::Linear), 19.0 / 27.0));
        assert!(close(kappa(&table, Weights::Quadratic), 31.0 / 39.0));
        assert!(close(kappa(&table, Weights::None), 13.0 / 21.0));
    }

    #[test]
    fn kappa_is_undefined_when_chance_agreement_is_one() {
        assert_eq!(
            kappa(&[vec![7.0, 0.0], vec![0.0, 0.0]], Weights::None),
            None
        );
        assert_eq!(
            kappa(&[vec![0.0, 0.0], vec![0.0, 0.0]], Weights::None),
            None
        );
    }

    #[test]
    fn krippendorff_alpha_of_the_published_example() {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": four observers,
        // twelve units, values 1–5 with missing data; α nominal 0.743, ordinal 0.815.
        let observers: [[Option<usize>; 12]; 4] = {
            let row = |values: [u8; 12]| values.map(|v| (v > 0).then(|| usize::from(v) - 1));
            [
                row([1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0]),
                row([1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3]),
                row([0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0]),
                row([1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0]),
            ]
        };
        let units: Vec<Vec<Option<usize>>> = (0..12)
            .map(|u| observers.iter().map(|o| o[u]).collect())
            .collect();
        assert!(close(krippendorff_alpha(&units, 5, Metric::Nominal), 0.743));
        assert!(close(krippendorff_alpha(&units, 5, Metric::Ordinal), 0.815));
    }
}
