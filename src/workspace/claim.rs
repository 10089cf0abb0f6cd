//! Claims under review: identity, status, Admiralty grades, evidence links and audit trail.

use std::fmt;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::anchor::Anchor;
use crate::article::ArticleId;
use crate::extract::attribution::Relay;

prefixed_id! {
    /// A claim's identity inside its workspace, written `c12`. Numbers are handed out in order
    /// and never reused, so an id in a note, an export or a script always means the same claim.
    ClaimId, BadClaimId, prefix: 'c', what: "claim", example: "c12"
}

/// Where the analyst stands on a claim.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ClaimStatus {
    /// Not looked at yet.
    #[default]
    Unreviewed,
    /// Checked and holds.
    Confirmed,
    /// Checked and could not be confirmed.
    Unconfirmed,
}

impl ClaimStatus {
    /// Every status, in the order briefs list them.
    pub const ALL: [Self; 3] = [Self::Confirmed, Self::Unconfirmed, Self::Unreviewed];

    /// The lower-case name used in files and on the command line.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unreviewed => "unreviewed",
            Self::Confirmed => "confirmed",
            Self::Unconfirmed => "unconfirmed",
        }
    }
}

impl fmt::Display for ClaimStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the extractor found the claim or the analyst marked it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimOrigin {
    /// Found by extraction.
    Extracted,
    /// Created by the analyst from a passage.
    Manual,
}

/// One status change in a claim's audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    /// The status set.
    pub status: ClaimStatus,
    /// Who set it.
    pub analyst: String,
    /// When, with the analyst's UTC offset (RFC 3339 in files).
    pub at: DateTime<FixedOffset>,
}

/// Admiralty code, source reliability: how far the source has proved dependable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged.
    F,
}

impl Reliability {
    /// Every grade, best first.
    pub const ALL: [Self; 6] = [Self::A, Self::B, Self::C, Self::D, Self::E, Self::F];

    /// The letter.
    #[must_use]
    pub fn letter(self) -> char {
        match self {
            Self::A => 'A',
            Self::B => 'B',
            Self::C => 'C',
            Self::D => 'D',
            Self::E => 'E',
            Self::F => 'F',
        }
    }

    /// What the letter means.
    #[must_use]
    pub fn meaning(self) -> &'static str {
        match self {
            Self::A => "completely reliable",
            Self::B => "usually reliable",
            Self::C => "fairly reliable",
            Self::D => "not usually reliable",
            Self::E => "unreliable",
            Self::F => "reliability cannot be judged",
        }
    }
}

/// Admiralty code, information credibility: how well the information itself stands up.
/// Written as its digit, 1 to 6, in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Credibility {
    /// 1: confirmed by other sources.
    Confirmed = 1,
    /// 2: probably true.
    ProbablyTrue = 2,
    /// 3: possibly true.
    PossiblyTrue = 3,
    /// 4: doubtful.
    Doubtful = 4,
    /// 5: improbable.
    Improbable = 5,
    /// 6: truth cannot be judged.
    CannotBeJudged = 6,
}

impl Credibility {
    /// Every grade, best first.
    pub const ALL: [Self; 6] = [
        Self::Confirmed,
        Self::ProbablyTrue,
        Self::PossiblyTrue,
        Self::Doubtful,
        Self::Improbable,
        Self::CannotBeJudged,
    ];

    /// The digit.
    #[must_use]
    pub fn digit(self) -> u8 {
        self as u8
    }

    /// What the digit means.
    #[must_use]
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed by other sources",
            Self::ProbablyTrue => "probably true",
            Self::PossiblyTrue => "possibly true",
            Self::Doubtful => "doubtful",
            Self::Improbable => "improbable",
            Self::CannotBeJudged => "truth cannot be judged",
        }
    }
}

/// The number was not an Admiralty credibility grade.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("credibility must be 1 to 6, not {0}")]
pub struct BadCredibility(pub u8);

impl TryFrom<u8> for Credibility {
    type Error = BadCredibility;

    fn try_from(digit: u8) -> Result<Self, Self::Error> {
        Self::ALL
            .into_iter()
            .find(|c| c.digit() == digit)
            .ok_or(BadCredibility(digit))
    }
}

impl From<Credibility> for u8 {
    fn from(grade: Credibility) -> Self {
        grade.digit()
    }
}

/// Optional Admiralty grades of a claim.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grades {
    /// How reliable the source is.
    pub reliability: Option<Reliability>,
    /// How credible the information is.
    pub credibility: Option<Credibility>,
}

impl Grades {
    /// The usual two-character code (`B2`), with `-` for a grade not given; `None` when neither is.
    #[must_use]
    pub fn code(self) -> Option<String> {
        if self.reliability.is_none() && self.credibility.is_none() {
            return None;
        }
        let letter = self.reliability.map_or('-', Reliability::letter);
        let digit = self
            .credibility
            .map_or('-', |c| char::from(b'0' + c.digit()));
        Some(format!("{letter}{digit}"))
    }
}

/// How one claim bears on another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// This claim is evidence for the other.
    Supports,
    /// This claim is evidence against the other.
    Contradicts,
}

impl Relation {
    /// The lower-case name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Supports => "supports",
            Self::Contradicts => "contradicts",
        }
    }
}

/// An evidence link from the claim holding it to another claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceLink {
    /// How this claim bears on the other.
    pub relation: Relation,
    /// The other claim.
    pub claim: ClaimId,
}

/// A claim under review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Its id.
    pub id: ClaimId,
    /// The article it is in.
    pub article: ArticleId,
    /// Where it is, and its words.
    pub anchor: Anchor,
    /// Extracted or manual.
    pub origin: ClaimOrigin,
    /// Who asserts it; extraction's guess until the analyst edits it.
    pub speaker: Option<String>,
    /// The source a relayer cites (`according to Yonhap`), from extraction.
    pub via: Option<String>,
    /// The other sources its sentence names between origin and outlet, in chain order: found
    /// once, by extraction (or from the text for a claim made by hand).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relays: Vec<Relay>,
    /// The figures in the claim, from extraction.
    pub values: Vec<f64>,
    /// The current status: the last entry of `history`, or unreviewed when it is empty.
    pub status: ClaimStatus,
    /// The analyst's note.
    pub note: String,
    /// Admiralty grades.
    pub grades: Grades,
    /// Evidence links to other claims, at most one per claim.
    pub links: Vec<EvidenceLink>,
    /// Every status change, oldest first.
    pub history: Vec<StatusChange>,
    /// When merged reviews disagree on it: each analyst's position, until one is chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<Dispute>,
}

/// Reviews of one claim that disagree (status, grades or edited speaker), from workspaces
/// merged into one; the claim stays disputed until an analyst adjudicates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    /// Each analyst's position, in the order the files were merged; at least two.
    pub positions: Vec<Position>,
    /// Who settled it and how; `None` while it is open. Kept, so the record shows whose
    /// review prevailed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<Decision>,
}

/// How a dispute was settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Who decided.
    pub analyst: String,
    /// When.
    pub at: DateTime<FixedOffset>,
    /// The position taken (its index in `positions`), or `None` for a decision of the
    /// adjudicator's own.
    pub taken: Option<usize>,
}

/// One analyst's review of a disputed claim, as their workspace had it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Who reviewed it (the last status change's analyst).
    pub analyst: String,
    /// When, if the claim was ever tagged.
    pub at: Option<DateTime<FixedOffset>>,
    /// The workspace file it came from, as it was named when merging.
    pub file: String,
    /// Their status.
    pub status: ClaimStatus,
    /// Their grades.
    pub grades: Grades,
    /// Their speaker.
    pub speaker: Option<String>,
    /// Their note.
    pub note: String,
}

impl Claim {
    /// The last status change, if the claim was ever reviewed.
    #[must_use]
    pub fn last_review(&self) -> Option<&StatusChange> {
        self.history.last()
    }

    /// Whether the claim lost its place when its article changed.
    #[must_use]
    pub fn is_orphaned(&self) -> bool {
        self.anchor.span.is_none()
    }

    /// Whether merged reviews disagree on it and no analyst has decided yet.
    #[must_use]
    pub fn is_disputed(&self) -> bool {
        self.dispute.as_ref().is_some_and(|d| d.decided.is_none())
    }

    /// The link to `other`, if any.
    #[must_use]
    pub fn link_to(&self, other: ClaimId) -> Option<EvidenceLink> {
        self.links.iter().copied().find(|link| link.claim == other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_ids_round_trip_and_reject_other_text() {
        assert_eq!("c12".parse::<ClaimId>(), Ok(ClaimId(12)));
        assert_eq!(ClaimId(12).to_string(), "c12");
        for bad in [
            "12",
            "c",
            "c-1",
            "c1x",
            "C12",
            "c 1",
            "c99999999999999999999999",
        ] {
            assert!(bad.parse::<ClaimId>().is_err(), "{bad} should not parse");
        }
        assert_eq!(serde_json::to_string(&ClaimId(7)).unwrap(), r#""c7""#);
        assert_eq!(
            serde_json::from_str::<ClaimId>(r#""c7""#).unwrap(),
            ClaimId(7)
        );
    }

    #[test]
    fn credibility_is_a_digit_from_one_to_six() {
        assert_eq!(
            serde_json::to_string(&Credibility::ProbablyTrue).unwrap(),
            "2"
        );
        assert_eq!(
            serde_json::from_str::<Credibility>("6").unwrap(),
            Credibility::CannotBeJudged
        );
        assert!(serde_json::from_str::<Credibility>("0").is_err());
        assert!(serde_json::from_str::<Credibility>("7").is_err());
    }

    #[test]
    fn grade_codes() {
        let both = Grades {
            reliability: Some(Reliability::B),
            credibility: Some(Credibility::ProbablyTrue),
        };
        assert_eq!(both.code().as_deref(), Some("B2"));
        let one = Grades {
            reliability: None,
            credibility: Some(Credibility::Improbable),
        };
        assert_eq!(one.code().as_deref(), Some("-5"));
        assert_eq!(Grades::default().code(), None);
    }
}
