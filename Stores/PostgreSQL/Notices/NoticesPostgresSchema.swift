public import PostgresStorage

/// The tables of the notices module on PostgreSQL (the SQLite store's `NoticesSchema`, in its
/// present shape). `notice_search` holds each notice's index terms as two `tsvector`s, one of its
/// title and one of all its text (``NoticeSearchTerms``), where the SQLite store keeps an FTS5 table.
///
/// ```swift
/// let schema = PostgresSchema(modules: [SyncPostgresSchema.migrations, NoticesPostgresSchema.migrations])
/// ```
public enum NoticesPostgresSchema {
    public static let migrations: [PostgresMigration] = [
        PostgresMigration(
            module: "notices", number: 1, name: "notices-shown-attachments-search",
            sql: """
                CREATE TABLE notice (
                    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    index_number TEXT NOT NULL DEFAULT '',
                    issuer TEXT NOT NULL,
                    document_number TEXT NOT NULL DEFAULT '',
                    title TEXT NOT NULL,
                    category TEXT NOT NULL,
                    signed_on TEXT NOT NULL,
                    published_on TEXT NOT NULL,
                    effective_on TEXT NOT NULL,
                    expires_on TEXT,
                    summary TEXT NOT NULL DEFAULT '',
                    body TEXT NOT NULL,
                    interpretation TEXT,
                    urgent BIGINT NOT NULL DEFAULT 0,
                    relations TEXT NOT NULL DEFAULT '[]'
                );
                CREATE INDEX notice_by_published ON notice(published_on, seq);
                CREATE INDEX notice_by_category ON notice(category, published_on);
                CREATE TABLE notice_relation (
                    notice_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    target_id TEXT NOT NULL,
                    PRIMARY KEY (notice_id, kind, target_id)
                );
                CREATE INDEX notice_relation_by_target ON notice_relation(target_id, kind);
                CREATE TABLE notice_shown (
                    id TEXT PRIMARY KEY, notice_id TEXT NOT NULL, village_code TEXT NOT NULL, shown_at TEXT NOT NULL);
                CREATE INDEX notice_shown_by_notice ON notice_shown(notice_id);
                CREATE TABLE notice_attachment (
                    id TEXT PRIMARY KEY, notice_id TEXT NOT NULL, file_name TEXT NOT NULL, media_type TEXT NOT NULL,
                    size BIGINT NOT NULL, content TEXT NOT NULL);
                CREATE INDEX notice_attachment_by_notice ON notice_attachment(notice_id);
                CREATE TABLE notice_search (
                    seq BIGINT PRIMARY KEY,
                    title_terms TSVECTOR NOT NULL,
                    all_terms TSVECTOR NOT NULL
                );
                CREATE INDEX notice_search_titles ON notice_search USING gin(title_terms);
                CREATE INDEX notice_search_texts ON notice_search USING gin(all_terms)
                """),
        // One hub for a division tree: a notice and its files are published for a division (its
        // code; '' for the hub's whole area), which their changes carry as their scope.
        PostgresMigration(
            module: "notices", number: 2, name: "published-for-a-division",
            sql: """
                ALTER TABLE notice ADD COLUMN division TEXT NOT NULL DEFAULT '';
                ALTER TABLE notice_attachment ADD COLUMN division TEXT NOT NULL DEFAULT ''
                """),
    ]
}
