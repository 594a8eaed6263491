"""SQL views over the store's tables (migration "0005_views"), for readers who open the
database with Datasette, sqlite3, R or pandas and know nothing of its internal tables.

- `v_facts`: one row a fused fact, with its core actors' ids and names, status and
  confidence worked out as `facts.fusion.status` and `confidence` do.
- `v_relations_today`: the relations (stated or contested) whose stored span holds on
  `date('now')`. An approximation of `factionmap network`: the view reads the stored start
  and end only, while the library also infers ends (successions, deaths, reversals, splits)
  and starts (first publication).
- `v_events`: one row an ATTACK or SEIZURE claim, with its place, document and evidence.
- `v_evidence`: one row an evidence sentence, with its claim, fact and document.

The SQL is fixed text (a migration is history): the recurring types and the relation types
are written out here, as `model.RECURRING_TYPES` and `query.fused.RELATION_TYPES` had them
when the views were made; a change to those wants a new migration that replaces the views.
Confidence needs SQLite's `exp()` (math functions, SQLite 3.35 and later as most builds,
Python's and Datasette's among them, have them).
"""

from __future__ import annotations

# a recurring fact's key ends with "|YYYY", "|YYYY-MM-DD" (an attack told to the day) or "|?",
# which is no actor: trailing digits, dashes and "?" are cut back to that last "|"
_RECURRING = "'PLEDGE', 'DEATH', 'CAPTURE', 'DEFECTION', 'SEIZURE', 'ATTACK'"
_RELATIONS = "'ALLIANCE', 'RIVALRY', 'AFFILIATION', 'BRANCH', 'SPLIT', 'MERGER', 'SPONSORSHIP', 'PLEDGE'"

# The first two core actors, read from the key as `fusion.key_actors` does: "TYPE|a|b" (a
# merger's parts joined by "+", its result last); an empty place (no perpetrator) is NULL.
_KEY_ACTORS = f"""
    SELECT id, NULLIF(substr(r1, 1, instr(r1, '|') - 1), '') AS actor_1,
           NULLIF(substr(r2, 1, instr(r2, '|') - 1), '') AS actor_2
    FROM (SELECT id, r1, substr(r1, instr(r1, '|') + 1) AS r2
          FROM (SELECT id, substr(body, instr(body, '|') + 1) || '|' AS r1
                FROM (SELECT id, CASE WHEN type = 'MERGER' THEN replace(core, '+', '|') ELSE core END AS body
                      FROM (SELECT id, type,
                                   CASE WHEN type NOT IN ({_RECURRING}) THEN key
                                        ELSE substr(rtrim(key, '0123456789-?'), 1,
                                                    length(rtrim(key, '0123456789-?')) - 1) END AS core
                            FROM facts))))"""

V_FACTS = f"""CREATE VIEW v_facts AS
SELECT f.id, f.type,
       k.actor_1, a1.name AS actor_1_name, k.actor_2, a2.name AS actor_2_name,
       (SELECT json_group_array(actor_id)
        FROM (SELECT actor_id FROM fact_actors WHERE fact_id = f.id ORDER BY actor_id)) AS actors,
       f.time_start, f.time_end,
       CASE WHEN f.pos > 0 AND f.neg > 0 THEN 'contested' WHEN f.pos > 0 THEN 'asserted'
            WHEN f.neg > 0 THEN 'denied' ELSE 'hypothetical' END AS status,
       CASE WHEN f.pos > 0 THEN round(1.0 - exp(f.log_doubt), 3) ELSE round(f.best, 3) END AS confidence,
       f.documents, f.independent AS independent_sources,
       (SELECT json_group_array(outlet)
        FROM (SELECT outlet FROM fact_outlets WHERE fact_id = f.id ORDER BY outlet)) AS outlets,
       f.pos AS claims_stating, f.neg AS claims_denying, f.weak AS claims_hypothetical,
       f.first_seen, f.updated_at, f.key
FROM facts f
JOIN ({_KEY_ACTORS}) k ON k.id = f.id
LEFT JOIN actors a1 ON a1.id = k.actor_1
LEFT JOIN actors a2 ON a2.id = k.actor_2"""

# a stored date holds on today when it is today at its own precision ("2015" holds all 2015)
V_RELATIONS_TODAY = f"""CREATE VIEW v_relations_today AS
SELECT v.*, date('now') AS as_of
FROM v_facts v
WHERE v.type IN ({_RELATIONS})
  AND v.status IN ('asserted', 'contested')
  AND (v.time_start IS NULL OR v.time_start <= substr(date('now'), 1, length(v.time_start)))
  AND (v.time_end IS NULL OR v.time_end >= substr(date('now'), 1, length(v.time_end)))"""


def _arg(alias: str, name: str) -> str:
    """A claim argument's row (the first item of a list)."""
    return (f"LEFT JOIN claim_args {alias} ON {alias}.claim_id = c.id AND {alias}.name = {name}"
            f" AND ({alias}.position IS NULL OR {alias}.position = 0)")


V_EVENTS = f"""CREATE VIEW v_events AS
SELECT c.id AS claim_id, fc.fact_id, c.type,
       c.time_start AS date, c.time_end AS date_end, c.time_precision AS precision, c.time_text,
       c.modality, c.negated, c.confidence,
       json_extract(kind.value_json, '$') AS attack_type,
       doer.entity_id AS perpetrator, doer_a.name AS perpetrator_name,
       tgt.entity_id AS target_id, COALESCE(tgt_a.name, json_extract(tgt.value_json, '$')) AS target,
       pl.entity_id AS place, pl_a.name AS place_name, pl_a.country, pl_a.admin1, pl_a.lat, pl_a.lon,
       json_extract(killed.value_json, '$') AS killed, json_extract(wounded.value_json, '$') AS wounded,
       json_extract(claimed.value_json, '$') AS claimed,
       c.document_id, d.outlet, d.url, d.published, d.title,
       (SELECT group_concat(text, ' … ')
        FROM (SELECT text FROM evidence WHERE claim_id = c.id ORDER BY position)) AS evidence
FROM claims c
JOIN documents d ON d.id = c.document_id
LEFT JOIN fact_claims fc ON fc.claim_id = c.id
{_arg("doer", "CASE c.type WHEN 'ATTACK' THEN 'perpetrator' ELSE 'org' END")}
LEFT JOIN actors doer_a ON doer_a.id = doer.entity_id
{_arg("tgt", "CASE c.type WHEN 'ATTACK' THEN 'target' ELSE 'from' END")}
LEFT JOIN actors tgt_a ON tgt_a.id = tgt.entity_id
{_arg("pl", "'place'")}
LEFT JOIN actors pl_a ON pl_a.id = pl.entity_id
{_arg("kind", "'attack_type'")}
{_arg("killed", "'killed'")}
{_arg("wounded", "'wounded'")}
{_arg("claimed", "'claimed'")}
WHERE c.type IN ('ATTACK', 'SEIZURE')"""

V_EVIDENCE = """CREATE VIEW v_evidence AS
SELECT e.claim_id, e.position, fc.fact_id, c.type AS claim_type, c.modality, c.negated,
       e.document_id, d.url, d.outlet, d.published, d.title,
       e.sentence, e.start, e."end", e.text
FROM evidence e
JOIN claims c ON c.id = e.claim_id
LEFT JOIN fact_claims fc ON fc.claim_id = e.claim_id
LEFT JOIN documents d ON d.id = e.document_id"""

VIEWS = (V_FACTS, V_RELATIONS_TODAY, V_EVENTS, V_EVIDENCE)
VIEW_NAMES = ("v_facts", "v_relations_today", "v_events", "v_evidence")


# -- the same views for PostgreSQL ---------------------------------------------------
# The SQLite text with the few functions PostgreSQL writes otherwise: json_group_array ->
# a JSON text built by string_agg (the same text, '["a","b"]'), json_extract(x, '$') -> x::jsonb
# (text where SQLite gives text), round(x, 3) on numeric, date('now') -> today (UTC), and the
# aliases PostgreSQL 15 wants on subqueries in FROM. instr() is rewritten by pg.translate.

def _json_array(column: str, table: str, key: str) -> str:
    return (f"(SELECT COALESCE('[' || string_agg(to_json({column})::text, ',' ORDER BY {column}) || ']', '[]')"
            f" FROM {table} WHERE {key} = f.id)")


_TODAY = "((now() AT TIME ZONE 'UTC')::date::text)"


def _pg(sql: str) -> str:
    sql = sql.replace("""(SELECT json_group_array(actor_id)
        FROM (SELECT actor_id FROM fact_actors WHERE fact_id = f.id ORDER BY actor_id))""",
                      _json_array("actor_id", "fact_actors", "fact_id"))
    sql = sql.replace("""(SELECT json_group_array(outlet)
        FROM (SELECT outlet FROM fact_outlets WHERE fact_id = f.id ORDER BY outlet))""",
                      _json_array("outlet", "fact_outlets", "fact_id"))
    sql = sql.replace("round(1.0 - exp(f.log_doubt), 3)", "round((1.0 - exp(f.log_doubt))::numeric, 3)::float8")
    sql = sql.replace("round(f.best, 3)", "round(f.best::numeric, 3)::float8")
    sql = sql.replace("date('now')", _TODAY)
    sql = sql.replace("FROM facts))))", "FROM facts) k0) k1) k2) k3")
    for r in ("r1", "r2"):  # (PostgreSQL refuses substr's negative length, where SQLite gives '')
        sql = sql.replace(f"NULLIF(substr({r}, 1, instr({r}, '|') - 1), '')",
                          f"NULLIF(CASE WHEN strpos({r}, '|') > 0 THEN split_part({r}, '|', 1) ELSE '' END, '')")
    sql = sql.replace("COALESCE(tgt_a.name, json_extract(tgt.value_json, '$'))",
                      "COALESCE(tgt_a.name, tgt.value_json::json #>> '{}')")
    sql = sql.replace("json_extract(kind.value_json, '$')", "(kind.value_json::json #>> '{}')")
    for name in ("killed", "wounded", "claimed"):
        sql = sql.replace(f"json_extract({name}.value_json, '$')", f"{name}.value_json::jsonb")
    sql = sql.replace("""(SELECT group_concat(text, ' … ')
        FROM (SELECT text FROM evidence WHERE claim_id = c.id ORDER BY position))""",
                      "(SELECT string_agg(text, ' … ' ORDER BY position) FROM evidence WHERE claim_id = c.id)")
    return sql


PG_VIEWS = tuple(_pg(v) for v in VIEWS)
