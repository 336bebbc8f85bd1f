//! The command line, run as a real process: `admin create` makes the first staff account.

use cc_domain::ids::StaffId;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_culture-cloud");

fn culture_cloud(database_url: &str, args: &[&str], password: &str) -> (bool, String) {
    let output = Command::new(BIN)
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("CC_ADMIN_PASSWORD", password)
        .env("CC_LOG", "warn")
        .output()
        .expect("the binary runs");
    let text =
        format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.success(), text)
}

#[tokio::test]
async fn admin_create_makes_the_first_district_admin_and_checks_what_it_is_given() {
    let url = cc_store::testing::fresh_database_url().await.unwrap();
    let create = |args: &[&str], password: &str| {
        let mut all = vec!["admin", "create"];
        all.extend_from_slice(args);
        culture_cloud(&url, &all, password)
    };
    let (ok, out) =
        create(&["--username", "root", "--name", "区文旅局", "--role", "district_admin"], "short");
    assert!(!ok && out.contains("12 characters"), "{out}");
    let (ok, out) =
        create(&["--username", "root", "--name", "x", "--role", "superuser"], "a long enough password");
    assert!(!ok && out.contains("unknown role"), "{out}");
    let (ok, out) =
        create(&["--username", "bj", "--name", "x", "--role", "street_admin"], "a long enough password");
    assert!(!ok && out.contains("--street"), "{out}");

    let (ok, out) = create(
        &["--username", "root", "--name", "区文旅局", "--role", "district_admin"],
        "石景山 district 2026",
    );
    assert!(ok, "{out}");
    let (ok, out) =
        create(&["--username", "root", "--name", "again", "--role", "reviewer"], "石景山 district 2026");
    assert!(!ok && out.contains("taken"), "{out}");

    let store = cc_store::Store::connect(&url).await.unwrap();
    let auth = cc_auth::StaffAuth::new(store.clone(), true, cc_auth::SecondFactorPolicy::default());
    let sessions = std::sync::Arc::new(cc_auth::DbSessionStore::new(store.clone()));
    let session = tower_sessions::Session::new(None, sessions, None);
    let step = auth.login(&session, "root", "石景山 district 2026", "127.0.0.1").await.unwrap();
    // The first district admin can log in, and is asked to set up a second factor first.
    assert!(matches!(step, cc_auth::StaffLoginStep::EnrolNeeded(_)), "{step:?}");
    let id = store.staff_login("root").await.unwrap().unwrap().id;
    assert_eq!(
        store.staff_member(StaffId(id)).await.unwrap().unwrap().scope.role,
        cc_domain::staff::Role::DistrictAdmin
    );
}
