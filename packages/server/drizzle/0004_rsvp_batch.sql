-- One round trip for the usual RSVP (one session): mk_rsvp_batch takes the occurrence's advisory lock, checks
-- that the seats are still as the caller last saw them (the caller decided with core's functions on that state),
-- and writes a batch of RSVPs for the occurrence in order. See src/rsvp/lane.ts.

-- The seats of one occurrence as the RSVP decision reads them, as text that two reads can compare.
CREATE FUNCTION mk_seat_state(p_workshop text, p_occurrence text) RETURNS text LANGUAGE sql STABLE AS $$
  select json_build_object(
    'seats', coalesce((
      select json_agg(g order by g.s, g.t, g.r) from (
        select status as s, tier_index as t, code = 'confirmed-reserved' as r, count(*)::int as n,
               (extract(epoch from max(requested_at)) * 1000)::float8 as latest
        from registrations
        where workshop_id = p_workshop and occurrence_id = p_occurrence and status in ('requested', 'confirmed', 'waitlisted', 'offered')
        group by 1, 2, 3) g), '[]'::json),
    'sequence', (select sequence from occurrence_snapshots where workshop_id = p_workshop and occurrence_id = p_occurrence)
  )::text
$$;
--> statement-breakpoint
-- Everything one RSVP writes (see RsvpRows in src/rsvp/write-lane.ts): the submission, its registrations, any
-- first snapshots, the messages it owes (the outbox) and the answer kept for its Idempotency-Key.
CREATE FUNCTION mk_rsvp_insert(p_item jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO submissions (id, workshop_id, person_key, manage_token_hash, locale, name, email, person, answers, created_at)
  SELECT id, workshop_id, person_key, manage_token_hash, locale, name, email, person, answers, created_at
  FROM jsonb_to_record(p_item->'submission') AS x(id text, workshop_id text, person_key text, manage_token_hash text, locale text, name text, email text, person jsonb, answers jsonb, created_at timestamptz);
  INSERT INTO registrations (id, submission_id, workshop_id, occurrence_id, person_key, status, code, tier_index, tier_id, requested_at, queue_order, decided_at, ended_at, updated_at)
  SELECT id, submission_id, workshop_id, occurrence_id, person_key, status, code, tier_index, tier_id, requested_at, queue_order, decided_at, ended_at, updated_at
  FROM jsonb_to_recordset(p_item->'registrations') AS x(id text, submission_id text, workshop_id text, occurrence_id text, person_key text, status text, code text, tier_index int, tier_id text, requested_at timestamptz, queue_order bigint, decided_at timestamptz, ended_at timestamptz, updated_at timestamptz);
  INSERT INTO occurrence_snapshots (workshop_id, occurrence_id, start, "end", status, capacity, place, updated_at)
  SELECT workshop_id, occurrence_id, start, "end", status, capacity, place, updated_at
  FROM jsonb_to_recordset(p_item->'snapshots') AS x(workshop_id text, occurrence_id text, start text, "end" text, status text, capacity int, place text, updated_at timestamptz)
  ON CONFLICT DO NOTHING;
  INSERT INTO outbox (message_id, kind, submission_id, registration_id, workshop_id, occurrence_id, dedupe_key, recipient, subject, text, html, ics, ics_method, due_at, created_at)
  SELECT message_id, kind, submission_id, registration_id, workshop_id, occurrence_id, dedupe_key, recipient, subject, text, html, ics, ics_method, due_at, created_at
  FROM jsonb_to_recordset(p_item->'messages') AS x(message_id text, kind text, submission_id text, registration_id text, workshop_id text, occurrence_id text, dedupe_key text, recipient text, subject text, text text, html text, ics text, ics_method text, due_at timestamptz, created_at timestamptz);
  INSERT INTO idempotency_keys (key, request_hash, status, response, created_at)
  SELECT key, request_hash, 201, response, created_at
  FROM jsonb_to_record(p_item->'idempotency') AS x(key text, request_hash text, response jsonb, created_at timestamptz);
END
$$;
--> statement-breakpoint
-- Returns {state} when the seats changed since p_expected (nothing written), {state, held} when some people
-- already hold a place (nothing written), else writes the items in order and returns {state, written}: the
-- number written; when item `written` broke a unique constraint it is not written, nor anything after it, and
-- `constraint` names it. Every item names its person; an item without `submission` only asks whether the
-- person holds a place (a refusal decided on this state).
CREATE FUNCTION mk_rsvp_batch(p_lock_timeout text, p_lock_key text, p_workshop text, p_occurrence text, p_expected text, p_items jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_state text;
  v_held jsonb;
  v_item jsonb;
  v_written int := 0;
  v_constraint text;
BEGIN
  PERFORM set_config('lock_timeout', p_lock_timeout, true);
  PERFORM pg_advisory_xact_lock(hashtextextended(p_lock_key, 0));
  v_state := mk_seat_state(p_workshop, p_occurrence);
  IF p_expected IS NULL OR v_state <> p_expected THEN
    RETURN jsonb_build_object('state', v_state);
  END IF;
  SELECT jsonb_agg(DISTINCT person_key) INTO v_held FROM registrations
  WHERE workshop_id = p_workshop AND occurrence_id = p_occurrence AND status IN ('requested', 'confirmed', 'waitlisted', 'offered')
    AND person_key IN (SELECT i->>'person' FROM jsonb_array_elements(p_items) i);
  IF v_held IS NOT NULL THEN
    RETURN jsonb_build_object('state', v_state, 'held', v_held);
  END IF;
  FOR v_item IN SELECT value FROM jsonb_array_elements(p_items) LOOP
    IF v_item ? 'submission' THEN
      BEGIN
        PERFORM mk_rsvp_insert(v_item);
      EXCEPTION WHEN unique_violation THEN
        GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
        RETURN jsonb_build_object('state', mk_seat_state(p_workshop, p_occurrence), 'written', v_written, 'constraint', v_constraint);
      END;
    END IF;
    v_written := v_written + 1;
  END LOOP;
  RETURN jsonb_build_object('state', mk_seat_state(p_workshop, p_occurrence), 'written', v_written);
END
$$;
