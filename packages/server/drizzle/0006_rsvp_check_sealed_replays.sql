-- One check of a session's batch, shared by mk_rsvp_group and mk_rsvp_lanes (each had its own copy), and
-- mk_seat_state in PL/pgSQL so that its query is planned once per connection rather than at every call (the
-- same text, character for character: instances of the previous version compare states with it).

CREATE OR REPLACE FUNCTION mk_seat_state(p_workshop text, p_occurrence text) RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN json_build_object(
    'seats', coalesce((
      select json_agg(g order by g.s, g.t, g.r) from (
        select status as s, tier_index as t, code = 'confirmed-reserved' as r, count(*)::int as n,
               (extract(epoch from max(requested_at)) * 1000)::float8 as latest
        from registrations
        where workshop_id = p_workshop and occurrence_id = p_occurrence and status in ('requested', 'confirmed', 'waitlisted', 'offered')
        group by 1, 2, 3) g), '[]'::json),
    'sequence', (select sequence from occurrence_snapshots where workshop_id = p_workshop and occurrence_id = p_occurrence)
  )::text;
END
$$;
--> statement-breakpoint
-- A session's batch, its lock held: NULL when it may be written (the seats are still p_expected and nobody in
-- it holds a place), else the reply that says why not: {state} (the seats changed, nothing of it is written)
-- or {state, held} (these people already hold a place).
CREATE FUNCTION mk_rsvp_check(p_workshop text, p_occurrence text, p_expected text, p_items jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_state text := mk_seat_state(p_workshop, p_occurrence);
  v_held jsonb;
BEGIN
  IF p_expected IS NULL OR v_state <> p_expected THEN
    RETURN jsonb_build_object('state', v_state);
  END IF;
  SELECT jsonb_agg(DISTINCT person_key) INTO v_held FROM registrations
  WHERE workshop_id = p_workshop AND occurrence_id = p_occurrence AND status IN ('requested', 'confirmed', 'waitlisted', 'offered')
    AND person_key IN (SELECT i->>'person' FROM jsonb_array_elements(p_items) i);
  IF v_held IS NOT NULL THEN
    RETURN jsonb_build_object('state', v_state, 'held', v_held);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION mk_rsvp_group(p_workshop text, p_occurrence text, p_expected text, p_items jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_refused jsonb := mk_rsvp_check(p_workshop, p_occurrence, p_expected, p_items);
  v_item jsonb;
  v_written int := 0;
  v_constraint text;
BEGIN
  IF v_refused IS NOT NULL THEN
    RETURN v_refused;
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
CREATE OR REPLACE FUNCTION mk_rsvp_lanes(p_lock_timeout text, p_groups jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_group jsonb;
  v_index bigint;
  v_refused jsonb;
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
    v_refused := mk_rsvp_check(v_group->>'workshop', v_group->>'occurrence', v_group->>'expected', v_group->'items');
    IF v_refused IS NULL THEN
      v_accepted := v_accepted || v_index;
    ELSE
      v_replies[v_index] := v_refused;
    END IF;
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
-- Answers kept for Idempotency-Keys are now keyed by the key's SHA-256 and sealed with the key (src/rsvp/replay.ts):
-- the rows written before are re-keyed, and their manage links lose the token, which is kept nowhere else
-- unhashed. A replay of such an RSVP still gets its answer, with the link to the manage page but not its token.
UPDATE idempotency_keys SET
  key = encode(sha256(convert_to(key, 'UTF8')), 'hex'),
  response = CASE WHEN response ? 'manageUrl' THEN jsonb_set(response, '{manageUrl}', to_jsonb(split_part(response->>'manageUrl', '#', 1))) ELSE response END;
