//! Numeric conversions, once, so no `as` cast narrows a number silently.
//! Counts in a journal are far below every limit here; each conversion
//! says what it does at the edge instead of wrapping.

/// A count as `u32`, saturating at `u32::MAX`.
pub(crate) fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A count as `f64`: exact up to 2^32 items, saturating beyond.
pub(crate) fn count_f64(n: usize) -> f64 {
    f64::from(count_u32(n))
}

/// A 64-bit count as `f64`: exact below 2^53, the nearest value beyond.
pub(crate) fn wide_f64(n: u64) -> f64 {
    let high = u32::try_from(n >> 32).unwrap_or(u32::MAX);
    let low = u32::try_from(n & 0xffff_ffff).unwrap_or(u32::MAX);
    f64::from(high) * 4_294_967_296.0 + f64::from(low)
}

/// `value` rounded and clamped into `lo..=hi` (a scale answer); `lo` when
/// it is not a number.
pub(crate) fn round_u8(value: f64, lo: u8, hi: u8) -> u8 {
    let v = value.round().clamp(f64::from(lo), f64::from(hi));
    // In lo..=hi after the clamp, so the first match is exact.
    (lo..=hi).find(|&k| f64::from(k) >= v).unwrap_or(lo)
}

/// `value` rounded up and clamped into `1..=max`, as a step count.
pub(crate) fn ceil_steps(value: f64, max: usize) -> usize {
    let v = value.ceil();
    (1..=max).find(|&k| count_f64(k) >= v).unwrap_or(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_are_exact_in_range_and_saturate_or_clamp_outside() {
        assert_eq!(count_u32(7), 7);
        assert_eq!(count_f64(12), 12.0);
        assert_eq!(wide_f64(1 << 40), 1_099_511_627_776.0);
        assert_eq!(wide_f64(u64::from(u32::MAX) + 2), 4_294_967_297.0);
        assert_eq!(round_u8(3.5, 1, 5), 4);
        assert_eq!(round_u8(9.2, 1, 5), 5);
        assert_eq!(round_u8(-3.0, 0, 10), 0);
        assert_eq!(round_u8(f64::NAN, 1, 5), 1);
        assert_eq!(ceil_steps(2.1, 100), 3);
        assert_eq!(ceil_steps(0.2, 100), 1);
        assert_eq!(ceil_steps(1e9, 4), 4);
    }
}
