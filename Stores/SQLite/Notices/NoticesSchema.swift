import GRDB
public import Storage

/// The tables of the notices module, as numbered migrations.
///
/// `notice` holds each notice as published (its relations as a JSON array); ``NoticesArrivals``
/// lays the relations out in `notice_relation` and keeps `notice_search`, an FTS5 index of Han
/// unigrams, bigrams and title pinyin, whose rowid is the notice's `seq`. (Until migration 4,
/// triggers did, calling SQL functions registered on every connection.)
///
/// ```swift
/// let schema = Schema(modules: [SyncSchema.migrations, NoticesSchema.migrations])
/// ```
public enum NoticesSchema {
    public static let migrations: [Migration] = [
        Migration(module: "notices", number: 1, name: "notices-and-search") { db in
            try db.execute(sql: notices)
            try db.execute(sql: search)
        },
        Migration(module: "notices", number: 2, name: "shown-on-screen") { db in
            try db.execute(
                sql: """
                    CREATE TABLE notice_shown (
                        id TEXT PRIMARY KEY, notice_id TEXT NOT NULL, village_code TEXT NOT NULL, shown_at TEXT NOT NULL);
                    CREATE INDEX notice_shown_by_notice ON notice_shown(notice_id);
                    """)
        },
        Migration(module: "notices", number: 3, name: "attachments") { db in
            try db.execute(
                sql: """
                    CREATE TABLE notice_attachment (
                        id TEXT PRIMARY KEY, notice_id TEXT NOT NULL, file_name TEXT NOT NULL, media_type TEXT NOT NULL,
                        size INTEGER NOT NULL, content TEXT NOT NULL);
                    CREATE INDEX notice_attachment_by_notice ON notice_attachment(notice_id);
                    """)
        },
        // What arrives is derived in Swift, the same way on every store (NoticesArrivals).
        Migration(module: "notices", number: 4, name: "derived-in-swift") { db in
            try db.execute(
                sql: """
                    DROP TRIGGER IF EXISTS notice_relations_arrive; DROP TRIGGER IF EXISTS notice_relations_change;
                    DROP TRIGGER IF EXISTS notice_search_insert; DROP TRIGGER IF EXISTS notice_search_update;
                    """)
        },
        // One hub for a division tree: a notice and its files are published for a division (its
        // code; '' for the hub's whole area), which their changes carry as their scope.
        Migration(module: "notices", number: 5, name: "published-for-a-division") { db in
            try db.execute(
                sql: """
                    ALTER TABLE notice ADD COLUMN division TEXT NOT NULL DEFAULT '';
                    ALTER TABLE notice_attachment ADD COLUMN division TEXT NOT NULL DEFAULT '';
                    """)
        },
    ]

    static let notices = """
        CREATE TABLE notice (
            seq INTEGER PRIMARY KEY,
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
            urgent INTEGER NOT NULL DEFAULT 0,
            relations TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX notice_by_published ON notice(published_on, seq);
        CREATE INDEX notice_by_category ON notice(category, published_on);
        CREATE TABLE notice_relation (
            notice_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            target_id TEXT NOT NULL,
            PRIMARY KEY (notice_id, kind, target_id)
        ) WITHOUT ROWID;
        CREATE INDEX notice_relation_by_target ON notice_relation(target_id, kind);
        CREATE TRIGGER notice_relations_arrive AFTER INSERT ON notice
        BEGIN
            INSERT OR IGNORE INTO notice_relation(notice_id, kind, target_id)
            SELECT NEW.id, relation.value ->> 'kind', relation.value ->> 'target' FROM json_each(NEW.relations) AS relation;
        END;
        CREATE TRIGGER notice_relations_change AFTER UPDATE OF relations ON notice
        BEGIN
            DELETE FROM notice_relation WHERE notice_id = NEW.id;
            INSERT OR IGNORE INTO notice_relation(notice_id, kind, target_id)
            SELECT NEW.id, relation.value ->> 'kind', relation.value ->> 'target' FROM json_each(NEW.relations) AS relation;
        END;
        """

    static let search = """
        CREATE VIRTUAL TABLE notice_search USING fts5(
            title_unigrams, title_bigrams, body_unigrams, body_bigrams, title_pinyin, tokenize = 'unicode61');
        CREATE TRIGGER notice_search_insert AFTER INSERT ON notice
        BEGIN
            INSERT INTO notice_search(rowid, title_unigrams, title_bigrams, body_unigrams, body_bigrams, title_pinyin)
            VALUES (NEW.seq, search_unigrams(NEW.title), search_bigrams(NEW.title),
                search_unigrams(NEW.summary || ' ' || NEW.body), search_bigrams(NEW.summary || ' ' || NEW.body),
                search_pinyin(NEW.title));
        END;
        CREATE TRIGGER notice_search_update AFTER UPDATE OF title, summary, body ON notice
        BEGIN
            DELETE FROM notice_search WHERE rowid = OLD.seq;
            INSERT INTO notice_search(rowid, title_unigrams, title_bigrams, body_unigrams, body_bigrams, title_pinyin)
            VALUES (NEW.seq, search_unigrams(NEW.title), search_bigrams(NEW.title),
                search_unigrams(NEW.summary || ' ' || NEW.body), search_bigrams(NEW.summary || ' ' || NEW.body),
                search_pinyin(NEW.title));
        END;
        """
}
