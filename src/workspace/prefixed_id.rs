//! Ids written as a letter and a number (`c12`, `e3`): one definition of their text form,
//! parsing and serde, shared by every such id.

/// Defines `$id(pub u64)`, written `$prefix` then the number, and `$bad`, the error for text
/// that is not one. `$what` and `$example` word that error: "`x` is not a claim id (claim ids
/// look like c12)".
macro_rules! prefixed_id {
    (
        $(#[$meta:meta])*
        $id:ident, $bad:ident, prefix: $prefix:literal, what: $what:literal, example: $example:literal
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $id(pub u64);

        impl std::fmt::Display for $id {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}{}", $prefix, self.0)
            }
        }

        #[doc = concat!("The text was not a ", $what, " id such as `", $example, "`.")]
        #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
        #[error("`{}` is not a {} id ({} ids look like {})", .0, $what, $what, $example)]
        pub struct $bad(pub String);

        impl std::str::FromStr for $id {
            type Err = $bad;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                text.strip_prefix($prefix)
                    .filter(|digits| {
                        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
                    })
                    .and_then(|digits| digits.parse().ok())
                    .map(Self)
                    .ok_or_else(|| $bad(text.to_owned()))
            }
        }

        impl serde::Serialize for $id {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $id {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
