//! Fuzz target: any bytes as a workspace file are loaded or refused with a reason, never a
//! panic; what loads saves to bytes that load again to the same workspace.
#![no_main]

use crosscheck::workspace::persist;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(workspace) = persist::from_bytes(data) {
        let bytes = persist::to_bytes(&workspace).expect("a loaded workspace saves");
        let again = persist::from_bytes(&bytes).expect("what save writes, load reads");
        assert_eq!(persist::to_bytes(&again).unwrap(), bytes);
    }
});
