//! docs/ssh.md's OpenSSH recipe tested as written (issue 15, item 17): see
//! tests/ssh_recipe.sh. It creates two Unix users, so it runs only as root
//! (it says so and passes otherwise).

#[test]
fn the_ssh_recipe_lets_a_second_member_write_after_the_first() {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/ssh_recipe.sh");
    let out = std::process::Command::new("bash")
        .arg(script)
        .arg(assert_cmd::cargo::cargo_bin("talenta"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    println!("{text}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{text}");
    assert!(text.contains("PASS") || text.contains("SKIPPED"), "{text}");
}
