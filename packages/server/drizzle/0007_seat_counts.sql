-- Seats by session, kept as registrations change, so that reading a session's seats costs a few rows instead of
-- one row per registration. Each statement of the write lanes reads the seats of each of its sessions twice (to
-- check them before writing, and to return them after), and a session with a long waiting list made every
-- statement slower. Kept by a trigger on registrations, so every path that changes a registration (RSVPs,
-- cancellations, promotions, staff actions, reloads, SQL by hand) keeps it. Not in schema.ts: only these
-- functions use it.
CREATE TABLE seat_counts (
  workshop_id text NOT NULL,
  occurrence_id text NOT NULL,
  status text NOT NULL,
  tier_index integer NOT NULL,
  reserved boolean NOT NULL,
  n integer NOT NULL,
  -- The latest request time (ms) of a registration that entered this group: only ever grows.
  latest float8 NOT NULL,
  PRIMARY KEY (workshop_id, occurrence_id, status, tier_index, reserved)
);
--> statement-breakpoint
INSERT INTO seat_counts (workshop_id, occurrence_id, status, tier_index, reserved, n, latest)
SELECT workshop_id, occurrence_id, status, tier_index, code = 'confirmed-reserved', count(*)::int, (extract(epoch from max(requested_at)) * 1000)::float8
FROM registrations
WHERE status IN ('requested', 'confirmed', 'waitlisted', 'offered')
GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE FUNCTION mk_seat_counts_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.status = OLD.status AND NEW.tier_index = OLD.tier_index AND NEW.code = OLD.code
     AND NEW.workshop_id = OLD.workshop_id AND NEW.occurrence_id = OLD.occurrence_id AND NEW.requested_at = OLD.requested_at THEN
    RETURN NULL; -- the same group (a check-in, an erased person key, a new end time)
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('requested', 'confirmed', 'waitlisted', 'offered') THEN
    UPDATE seat_counts SET n = n - 1
    WHERE workshop_id = OLD.workshop_id AND occurrence_id = OLD.occurrence_id AND status = OLD.status
      AND tier_index = OLD.tier_index AND reserved = (OLD.code = 'confirmed-reserved');
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status IN ('requested', 'confirmed', 'waitlisted', 'offered') THEN
    INSERT INTO seat_counts (workshop_id, occurrence_id, status, tier_index, reserved, n, latest)
    VALUES (NEW.workshop_id, NEW.occurrence_id, NEW.status, NEW.tier_index, NEW.code = 'confirmed-reserved', 1, (extract(epoch from NEW.requested_at) * 1000)::float8)
    ON CONFLICT (workshop_id, occurrence_id, status, tier_index, reserved)
    DO UPDATE SET n = seat_counts.n + 1, latest = greatest(seat_counts.latest, excluded.latest);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER registrations_seat_counts AFTER INSERT OR UPDATE OR DELETE ON registrations FOR EACH ROW EXECUTE FUNCTION mk_seat_counts_row();
--> statement-breakpoint
CREATE FUNCTION mk_seat_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE seat_counts;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER registrations_seat_counts_truncate AFTER TRUNCATE ON registrations FOR EACH STATEMENT EXECUTE FUNCTION mk_seat_counts_truncate();
--> statement-breakpoint
-- The same text as before for the same seats (the groups in the same order, with the same fields), read from
-- seat_counts. A group's `latest` is the latest request that ever entered it, where it was the latest of those
-- still in it: both only serve to keep request times increasing.
CREATE OR REPLACE FUNCTION mk_seat_state(p_workshop text, p_occurrence text) RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN json_build_object(
    'seats', coalesce((
      select json_agg(g order by g.s, g.t, g.r) from (
        select status as s, tier_index as t, reserved as r, n, latest
        from seat_counts
        where workshop_id = p_workshop and occurrence_id = p_occurrence and n > 0) g), '[]'::json),
    'sequence', (select sequence from occurrence_snapshots where workshop_id = p_workshop and occurrence_id = p_occurrence)
  )::text;
END
$$;
