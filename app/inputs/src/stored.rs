//! Enums whose names are stored: in a database column, in a form value, in JSON. One macro
//! writes each such enum with its names given once, and derives from them `ALL`, `as_str`,
//! `parse`, `Display`, the serde names and the sea-orm column mapping, so the database, the
//! forms and the browser can never disagree about a name.
//!
//! The column mapping is derived where the crate that declares the enum has its `sea-orm`
//! feature on (a `cfg` in a macro is read in the crate it expands in): the server's build
//! turns it on in this crate and in `app`; the browser's bundle and the fuzz targets do not.
//!
//! Names never change once shipped: stored rows and audit events keep them. A new variant
//! needs no migration (the columns are text on both databases, never native enum types).

/// Declares a stored enum: `stored_enum! { pub enum Role { Analyst = "analyst", … } }`.
#[macro_export]
macro_rules! stored_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $stored:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        #[cfg_attr(feature = "sea-orm", derive(sea_orm::DeriveActiveEnum, sea_orm::EnumIter))]
        #[cfg_attr(feature = "sea-orm", sea_orm(rs_type = "String", db_type = "Text"))]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $stored)]
                #[cfg_attr(feature = "sea-orm", sea_orm(string_value = $stored))]
                $variant,
            )+
        }

        impl $name {
            /// Every variant, in declaration order (the order pages list them).
            pub const ALL: [$name; [$($stored),+].len()] = [$($name::$variant),+];

            /// The stored name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $stored,)+
                }
            }

            /// The variant stored as `stored`, if it is one.
            pub fn parse(stored: &str) -> Option<$name> {
                match stored {
                    $($stored => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    stored_enum! {
        enum Colour {
            Red = "red",
            /// Documented variants keep their docs.
            DarkBlue = "dark_blue",
        }
    }

    #[test]
    fn the_stored_name_is_the_serde_name_and_parses_back() {
        for colour in Colour::ALL {
            assert_eq!(Colour::parse(colour.as_str()), Some(colour));
            let json = serde_json::to_string(&colour).unwrap();
            assert_eq!(json, format!("\"{}\"", colour.as_str()));
        }
        assert_eq!(Colour::parse("green"), None);
        assert_eq!(Colour::ALL.len(), 2);
    }
}
