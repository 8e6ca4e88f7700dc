//! Anything typed into the receipt box, and receipts made from any submission key: parsing
//! never panics, and a receipt always reads back from how it is shown.
#![no_main]

use inputs::receipt::Receipt;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, [u8; 32], &str)| {
    let (typed, key, submission) = input;
    if let Some(receipt) = Receipt::parse(typed) {
        let shown = receipt.display();
        assert_eq!(shown.len(), 23);
        assert_eq!(Receipt::parse(&shown).as_ref(), Some(&receipt));
        assert_eq!(receipt.prefix().len(), 5);
    }
    let made = Receipt::for_submission(&key, submission);
    assert_eq!(Receipt::parse(&made.display()), Some(made.clone()));
    assert_eq!(made.key(&key).len(), 64);
});
