//! 非遗 — the registry of representative projects: reading it (with its inheritors, places,
//! pictures and the published services that let residents experience each project), and
//! keeping it (a project and its lists are written together, in one transaction).

use std::collections::HashMap;

use cc_domain::heritage::{
    CheckedProject, HeritageCategory, HeritageLevel, HeritagePlace, HeritageProject, HeritageQuery, HeritageRef, Inheritor,
    LinkedService,
};
use cc_domain::ids::{HeritageProjectId, ItemId};
use sqlx::AnyConnection;

use crate::media::image_path;
use crate::{Store, StoreError};

type ProjectRow = (i64, String, String, String, i64, String, String, i64);

const PROJECT_COLUMNS: &str = "id, name, category, level, year_listed, protecting_unit, description, demo";

/// A place of the registry as the map draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct MappedPlace {
    pub project: HeritageProjectId,
    pub project_name: String,
    pub category: HeritageCategory,
    pub level: HeritageLevel,
    pub place: HeritagePlace,
}

impl Store {
    /// The projects `query` asks for: national first, then municipal, then district; the
    /// earliest listed first within a level.
    pub async fn heritage_projects(&self, query: &HeritageQuery) -> Result<Vec<HeritageProject>, StoreError> {
        let rows: Vec<ProjectRow> = sqlx::query_as(&format!(
            "SELECT {PROJECT_COLUMNS} FROM heritage_projects \
             WHERE category = COALESCE($1, category) AND level = COALESCE($2, level) \
             ORDER BY CASE level WHEN 'national' THEN 0 WHEN 'municipal' THEN 1 ELSE 2 END, year_listed, id"
        ))
        .bind(query.category.map(HeritageCategory::as_str))
        .bind(query.level.map(HeritageLevel::as_str))
        .fetch_all(&self.pool)
        .await?;
        let projects = self.with_lists(rows).await?;
        // A district lists tens of projects, not thousands: search runs over them here.
        Ok(match &query.q {
            Some(q) => projects.into_iter().filter(|p| p.matches(q)).collect(),
            None => projects,
        })
    }

    /// One project, if there is one.
    pub async fn heritage_project(&self, id: HeritageProjectId) -> Result<Option<HeritageProject>, StoreError> {
        let rows: Vec<ProjectRow> = sqlx::query_as(&format!("SELECT {PROJECT_COLUMNS} FROM heritage_projects WHERE id = $1"))
            .bind(id.0)
            .fetch_all(&self.pool)
            .await?;
        Ok(self.with_lists(rows).await?.pop())
    }

    /// Every place of the registry, for the map.
    pub async fn heritage_places(&self) -> Result<Vec<MappedPlace>, StoreError> {
        let projects = self.heritage_projects(&HeritageQuery::default()).await?;
        Ok(projects
            .into_iter()
            .flat_map(|p| {
                let (id, name, category, level) = (p.id, p.name, p.category, p.level);
                p.places.into_iter().map(move |place| MappedPlace {
                    project: id,
                    project_name: name.clone(),
                    category,
                    level,
                    place,
                })
            })
            .collect())
    }

    /// Adds a project; returns its id.
    pub async fn create_heritage_project(&self, project: &CheckedProject, demo: bool, now: i64) -> Result<HeritageProjectId, StoreError> {
        let mut tx = self.begin().await?;
        let id = insert_project(&mut tx, project, demo, now).await?;
        tx.commit().await?;
        Ok(HeritageProjectId(id))
    }

    /// Replaces a project's facts and lists; `false` when there is no such project.
    pub async fn update_heritage_project(&self, id: HeritageProjectId, project: &CheckedProject, now: i64) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let done = sqlx::query(
            "UPDATE heritage_projects SET name = $2, category = $3, level = $4, year_listed = $5, protecting_unit = $6, \
             description = $7, updated_at = $8 WHERE id = $1",
        )
        .bind(id.0)
        .bind(&project.name)
        .bind(project.category.as_str())
        .bind(project.level.as_str())
        .bind(i64::from(project.year_listed))
        .bind(&project.protecting_unit)
        .bind(&project.description)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        for table in ["heritage_inheritors", "heritage_places"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE project_id = $1")).bind(id.0).execute(&mut *tx).await?;
        }
        write_lists(&mut tx, id.0, project).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Links a service to the project it lets residents experience (or unlinks it with
    /// `None`); `false` when the item or the project is not there.
    pub async fn link_item_to_heritage(&self, item: ItemId, project: Option<HeritageProjectId>) -> Result<bool, StoreError> {
        if let Some(project) = project {
            let found: Option<(i64,)> =
                sqlx::query_as("SELECT id FROM heritage_projects WHERE id = $1").bind(project.0).fetch_optional(&self.pool).await?;
            if found.is_none() {
                return Ok(false);
            }
        }
        let done = sqlx::query("UPDATE service_items SET heritage_project_id = $2 WHERE id = $1")
            .bind(item.0)
            .bind(project.map(|p| p.0))
            .execute(&self.pool)
            .await?;
        self.announce_item(cc_domain::live::LiveKind::ItemChanged, item.0);
        Ok(done.rows_affected() == 1)
    }

    /// The project a service lets residents experience, as its page links it.
    pub async fn heritage_of_item(&self, item: ItemId) -> Result<Option<HeritageRef>, StoreError> {
        let row: Option<(i64, String)> = sqlx::query_as(
            "SELECT h.id, h.name FROM service_items i JOIN heritage_projects h ON h.id = i.heritage_project_id WHERE i.id = $1",
        )
        .bind(item.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(id, name)| HeritageRef { id: HeritageProjectId(id), name }))
    }

    /// Fills in each project's inheritors, places, pictures and published services.
    async fn with_lists(&self, rows: Vec<ProjectRow>) -> Result<Vec<HeritageProject>, StoreError> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        // Our own integers, written into the statements as they are.
        let ids = rows.iter().map(|r| r.0.to_string()).collect::<Vec<_>>().join(", ");
        let mut inheritors: HashMap<i64, Vec<Inheritor>> = HashMap::new();
        let sql = format!("SELECT project_id, name, level, year_named FROM heritage_inheritors WHERE project_id IN ({ids}) ORDER BY project_id, position");
        for (project, name, level, year) in sqlx::query_as::<_, (i64, String, String, Option<i64>)>(&sql).fetch_all(&self.pool).await? {
            let level = HeritageLevel::parse(&level).unwrap_or(HeritageLevel::District);
            let year_named = year.and_then(|y| i32::try_from(y).ok());
            inheritors.entry(project).or_default().push(Inheritor { name, level, year_named });
        }
        let mut places: HashMap<i64, Vec<HeritagePlace>> = HashMap::new();
        let sql = format!("SELECT project_id, name, lat, lng FROM heritage_places WHERE project_id IN ({ids}) ORDER BY project_id, position");
        for (project, name, lat, lng) in sqlx::query_as::<_, (i64, String, f64, f64)>(&sql).fetch_all(&self.pool).await? {
            places.entry(project).or_default().push(HeritagePlace { name, lat, lng });
        }
        let mut images: HashMap<i64, Vec<String>> = HashMap::new();
        let sql = format!("SELECT project_id, token, content_type FROM heritage_images WHERE project_id IN ({ids}) ORDER BY project_id, id");
        for (project, token, kind) in sqlx::query_as::<_, (i64, String, String)>(&sql).fetch_all(&self.pool).await? {
            images.entry(project).or_default().extend(image_path(Some(&token), Some(&kind)));
        }
        let mut services: HashMap<i64, Vec<LinkedService>> = HashMap::new();
        let sql = format!(
            "SELECT heritage_project_id, id, title FROM service_items \
             WHERE heritage_project_id IN ({ids}) AND status = 'published' ORDER BY heritage_project_id, id"
        );
        for (project, id, title) in sqlx::query_as::<_, (i64, i64, String)>(&sql).fetch_all(&self.pool).await? {
            services.entry(project).or_default().push(LinkedService { id: ItemId(id), title });
        }
        Ok(rows
            .into_iter()
            .map(|(id, name, category, level, year, unit, description, demo)| HeritageProject {
                id: HeritageProjectId(id),
                name,
                category: HeritageCategory::parse(&category).unwrap_or(HeritageCategory::Folklore),
                level: HeritageLevel::parse(&level).unwrap_or(HeritageLevel::District),
                year_listed: i32::try_from(year).unwrap_or_default(),
                protecting_unit: unit,
                description,
                inheritors: inheritors.remove(&id).unwrap_or_default(),
                places: places.remove(&id).unwrap_or_default(),
                images: images.remove(&id).unwrap_or_default(),
                services: services.remove(&id).unwrap_or_default(),
                demo: demo != 0,
            })
            .collect())
    }
}

/// Writes a project with its lists; returns its id.
pub(crate) async fn insert_project(conn: &mut AnyConnection, project: &CheckedProject, demo: bool, now: i64) -> Result<i64, StoreError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO heritage_projects (name, category, level, year_listed, protecting_unit, description, demo, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
    )
    .bind(&project.name)
    .bind(project.category.as_str())
    .bind(project.level.as_str())
    .bind(i64::from(project.year_listed))
    .bind(&project.protecting_unit)
    .bind(&project.description)
    .bind(i64::from(demo))
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    write_lists(conn, id, project).await?;
    Ok(id)
}

/// Writes a project's inheritors and places, in their order.
async fn write_lists(conn: &mut AnyConnection, id: i64, project: &CheckedProject) -> Result<(), StoreError> {
    for (position, person) in project.inheritors.iter().enumerate() {
        sqlx::query("INSERT INTO heritage_inheritors (project_id, position, name, level, year_named) VALUES ($1, $2, $3, $4, $5)")
            .bind(id)
            .bind(position as i64)
            .bind(&person.name)
            .bind(person.level.as_str())
            .bind(person.year_named.map(i64::from))
            .execute(&mut *conn)
            .await?;
    }
    for (position, place) in project.places.iter().enumerate() {
        sqlx::query("INSERT INTO heritage_places (project_id, position, name, lat, lng) VALUES ($1, $2, $3, $4, $5)")
            .bind(id)
            .bind(position as i64)
            .bind(&place.name)
            .bind(place.lat)
            .bind(place.lng)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
