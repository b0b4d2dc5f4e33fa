CREATE TABLE "check_ins" (
	"client_id" text PRIMARY KEY NOT NULL,
	"registration_id" text NOT NULL,
	"present" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_ins_registration" ON "check_ins" USING btree ("registration_id","at");