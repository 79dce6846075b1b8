//! Dates at the boundary: a local calendar day crosses as an ISO
//! `YYYY-MM-DD` string, declared here once for every record and method.

use chrono::NaiveDate;

use crate::error::JournalError;

uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |day| day.to_string(),
    try_lift: |text| parse(&text).map_err(Into::into),
});

/// Parses an ISO day; a malformed one is `InvalidInput { field: "date" }`
/// and the text itself is not repeated.
fn parse(text: &str) -> Result<NaiveDate, JournalError> {
    // The core's parse: YYYY-MM-DD, a day from 1900 to 9999.
    Ok(tandem_core::day::parse_day(tandem_core::Field::Date, text)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_day_parses_and_a_malformed_one_names_the_date_field() {
        assert_eq!(
            parse("2027-01-11").ok(),
            NaiveDate::from_ymd_opt(2027, 1, 11)
        );
        for bad in ["2027-13-01", "11/01/2027", "", "2027-02-30"] {
            match parse(bad) {
                Err(JournalError::InvalidInput { field, .. }) => {
                    assert_eq!(field, crate::vocab::InputField::Date)
                }
                other => panic!("expected InvalidInput for {bad:?}, got {other:?}"),
            }
        }
    }
}
