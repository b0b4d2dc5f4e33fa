-- One statement for the waiting RSVPs of several occurrences: mk_rsvp_lanes takes every occurrence's advisory
-- lock in the order given (the caller sorts the keys, as every taker of several locks does), checks each
-- occurrence's seats as mk_rsvp_batch does, and writes every accepted RSVP of the statement with one INSERT per
-- table. See src/rsvp/write-lane.ts.

-- Everything a list of RSVPs writes (each as RsvpRows in src/rsvp/write-lane.ts), one INSERT per table: the
-- submissions, their registrations, any first snapshots, the messages they owe (the outbox) and the answers kept
-- for their Idempotency-Keys.
CREATE FUNCTION mk_rsvp_insert_all(p_items jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO submissions (id, workshop_id, person_key, manage_token_hash, locale, name, email, person, answers, created_at)
  SELECT x.id, x.workshop_id, x.person_key, x.manage_token_hash, x.locale, x.name, x.email, x.person, x.answers, x.created_at
  FROM jsonb_array_elements(p_items) i, jsonb_to_record(i->'submission') AS x(id text, workshop_id text, person_key text, manage_token_hash text, locale text, name text, email text, person jsonb, answers jsonb, created_at timestamptz);
  INSERT INTO registrations (id, submission_id, workshop_id, occurrence_id, person_key, status, code, tier_index, tier_id, requested_at, queue_order, decided_at, ended_at, updated_at)
  SELECT x.id, x.submission_id, x.workshop_id, x.occurrence_id, x.person_key, x.status, x.code, x.tier_index, x.tier_id, x.requested_at, x.queue_order, x.decided_at, x.ended_at, x.updated_at
  FROM jsonb_array_elements(p_items) i, jsonb_to_recordset(i->'registrations') AS x(id text, submission_id text, workshop_id text, occurrence_id text, person_key text, status text, code text, tier_index int, tier_id text, requested_at timestamptz, queue_order bigint, decided_at timestamptz, ended_at timestamptz, updated_at timestamptz);
  INSERT INTO occurrence_snapshots (workshop_id, occurrence_id, start, "end", status, capacity, place, updated_at)
  SELECT x.workshop_id, x.occurrence_id, x.start, x."end", x.status, x.capacity, x.place, x.updated_at
  FROM jsonb_array_elements(p_items) i, jsonb_to_recordset(i->'snapshots') AS x(workshop_id text, occurrence_id text, start text, "end" text, status text, capacity int, place text, updated_at timestamptz)
  ON CONFLICT DO NOTHING;
  INSERT INTO outbox (message_id, kind, submission_id, registration_id, workshop_id, occurrence_id, dedupe_key, recipient, subject, text, html, ics, ics_method, due_at, created_at)
  SELECT x.message_id, x.kind, x.submission_id, x.registration_id, x.workshop_id, x.occurrence_id, x.dedupe_key, x.recipient, x.subject, x.text, x.html, x.ics, x.ics_method, x.due_at, x.created_at
  FROM jsonb_array_elements(p_items) i, jsonb_to_recordset(i->'messages') AS x(message_id text, kind text, submission_id text, registration_id text, workshop_id text, occurrence_id text, dedupe_key text, recipient text, subject text, text text, html text, ics text, ics_method text, due_at timestamptz, created_at timestamptz);
  INSERT INTO idempotency_keys (key, request_hash, status, response, created_at)
  SELECT x.key, x.request_hash, 201, x.response, x.created_at
  FROM jsonb_array_elements(p_items) i, jsonb_to_record(i->'idempotency') AS x(key text, request_hash text, response jsonb, created_at timestamptz);
END
$$;
--> statement-breakpoint
-- One RSVP's rows (the series path, and mk_rsvp_group's item by item).
CREATE OR REPLACE FUNCTION mk_rsvp_insert(p_item jsonb) RETURNS void LANGUAGE sql AS $$
  SELECT mk_rsvp_insert_all(jsonb_build_array(p_item))
$$;
--> statement-breakpoint
-- One occurrence's batch, its lock already held: returns {state} when the seats changed since p_expected
-- (nothing written), {state, held} when some people already hold a place (nothing written), else writes the
-- items in order and returns {state, written}: the number written; when item `written` broke a unique
-- constraint it is not written, nor anything after it, and `constraint` names it. Every item names its person;
-- an item without `submission` only asks whether the person holds a place (a refusal decided on this state).
CREATE FUNCTION mk_rsvp_group(p_workshop text, p_occurrence text, p_expected text, p_items jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_state text;
  v_held jsonb;
  v_item jsonb;
  v_written int := 0;
  v_constraint text;
BEGIN
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
--> statement-breakpoint
-- p_groups: [{lock, workshop, occurrence, expected, items}] in lock order; returns one reply per group, in order,
-- as mk_rsvp_group's. The accepted groups' RSVPs are written together; when that breaks a unique constraint
-- (a replayed Idempotency-Key, one person twice), nothing of it stays and each group is written item by item.
CREATE FUNCTION mk_rsvp_lanes(p_lock_timeout text, p_groups jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_group jsonb;
  v_index bigint;
  v_state text;
  v_held jsonb;
  v_replies jsonb[] := array_fill(NULL::jsonb, ARRAY[jsonb_array_length(p_groups)]);
  v_accepted bigint[] := '{}';
  v_writes jsonb;
  v_together boolean := true;
BEGIN
  PERFORM set_config('lock_timeout', p_lock_timeout, true);
  FOR v_group IN SELECT value FROM jsonb_array_elements(p_groups) WITH ORDINALITY ORDER BY ordinality LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended(v_group->>'lock', 0));
  END LOOP;
  FOR v_group, v_index IN SELECT value, ordinality FROM jsonb_array_elements(p_groups) WITH ORDINALITY ORDER BY ordinality LOOP
    v_state := mk_seat_state(v_group->>'workshop', v_group->>'occurrence');
    IF v_group->>'expected' IS NULL OR v_state <> v_group->>'expected' THEN
      v_replies[v_index] := jsonb_build_object('state', v_state);
      CONTINUE;
    END IF;
    SELECT jsonb_agg(DISTINCT person_key) INTO v_held FROM registrations
    WHERE workshop_id = v_group->>'workshop' AND occurrence_id = v_group->>'occurrence' AND status IN ('requested', 'confirmed', 'waitlisted', 'offered')
      AND person_key IN (SELECT i->>'person' FROM jsonb_array_elements(v_group->'items') i);
    IF v_held IS NOT NULL THEN
      v_replies[v_index] := jsonb_build_object('state', v_state, 'held', v_held);
      CONTINUE;
    END IF;
    v_accepted := v_accepted || v_index;
  END LOOP;
  SELECT jsonb_agg(i.value ORDER BY a.n, i.n) INTO v_writes
  FROM unnest(v_accepted) WITH ORDINALITY a(g, n), jsonb_array_elements(p_groups->(a.g::int - 1)->'items') WITH ORDINALITY i(value, n)
  WHERE i.value ? 'submission';
  IF v_writes IS NOT NULL THEN
    BEGIN
      PERFORM mk_rsvp_insert_all(v_writes);
    EXCEPTION WHEN unique_violation THEN
      v_together := false;
    END;
  END IF;
  FOREACH v_index IN ARRAY v_accepted LOOP
    v_group := p_groups->(v_index::int - 1);
    IF v_together THEN
      v_replies[v_index] := jsonb_build_object('state', mk_seat_state(v_group->>'workshop', v_group->>'occurrence'), 'written', jsonb_array_length(v_group->'items'));
    ELSE
      v_replies[v_index] := mk_rsvp_group(v_group->>'workshop', v_group->>'occurrence', v_group->>'expected', v_group->'items');
    END IF;
  END LOOP;
  RETURN to_jsonb(v_replies);
END
$$;
--> statement-breakpoint
-- The one-occurrence form, kept for instances of the previous version during a rolling upgrade.
CREATE OR REPLACE FUNCTION mk_rsvp_batch(p_lock_timeout text, p_lock_key text, p_workshop text, p_occurrence text, p_expected text, p_items jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('lock_timeout', p_lock_timeout, true);
  PERFORM pg_advisory_xact_lock(hashtextextended(p_lock_key, 0));
  RETURN mk_rsvp_group(p_workshop, p_occurrence, p_expected, p_items);
END
$$;
