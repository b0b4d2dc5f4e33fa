CREATE TABLE "allocations" (
	"workshop_id" text NOT NULL,
	"occurrence_id" text NOT NULL,
	"seed" text NOT NULL,
	"input" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "allocations_workshop_id_occurrence_id_pk" PRIMARY KEY("workshop_id","occurrence_id")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"role" text NOT NULL,
	"label" text,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occurrence_snapshots" (
	"workshop_id" text NOT NULL,
	"occurrence_id" text NOT NULL,
	"start" text NOT NULL,
	"end" text NOT NULL,
	"status" text NOT NULL,
	"capacity" integer,
	"place" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"removed" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "occurrence_snapshots_workshop_id_occurrence_id_pk" PRIMARY KEY("workshop_id","occurrence_id")
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" text PRIMARY KEY NOT NULL,
	"submission_id" text NOT NULL,
	"workshop_id" text NOT NULL,
	"occurrence_id" text NOT NULL,
	"person_key" text NOT NULL,
	"status" text NOT NULL,
	"code" text NOT NULL,
	"tier_index" integer NOT NULL,
	"tier_id" text,
	"requested_at" timestamp with time zone NOT NULL,
	"queue_order" bigint NOT NULL,
	"decided_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"workshop_id" text NOT NULL,
	"person_key" text NOT NULL,
	"manage_token_hash" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"name" text,
	"email" text,
	"person" jsonb,
	"answers" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"purged_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_one_active_per_person" ON "registrations" USING btree ("workshop_id","occurrence_id","person_key") WHERE "registrations"."status" in ('requested', 'confirmed', 'waitlisted', 'offered');--> statement-breakpoint
CREATE INDEX "registrations_occurrence" ON "registrations" USING btree ("workshop_id","occurrence_id","status");--> statement-breakpoint
CREATE INDEX "registrations_submission" ON "registrations" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "registrations_offer_expiry" ON "registrations" USING btree ("offer_expires_at") WHERE "registrations"."status" = 'offered';--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_manage_token_hash" ON "submissions" USING btree ("manage_token_hash");--> statement-breakpoint
CREATE INDEX "submissions_person_key" ON "submissions" USING btree ("person_key");