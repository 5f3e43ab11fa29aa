CREATE TYPE "public"."discount_condition_operator_enum" AS ENUM('in', 'not_in');--> statement-breakpoint
CREATE TYPE "public"."discount_condition_type_enum" AS ENUM('products', 'product_types', 'product_collections', 'product_tags', 'customer_groups');--> statement-breakpoint
CREATE TABLE "discount_condition" (
	"id" text PRIMARY KEY NOT NULL,
	"type" "discount_condition_type_enum" NOT NULL,
	"operator" "discount_condition_operator_enum" NOT NULL,
	"discount_rule_id" text NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "uq_discount_condition_type_operator_rule" UNIQUE("type","operator","discount_rule_id")
);
--> statement-breakpoint
CREATE TABLE "discount_condition_product" (
	"product_id" text NOT NULL,
	"condition_id" text NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discount_condition_product_product_id_condition_id_pk" PRIMARY KEY("product_id","condition_id")
);
--> statement-breakpoint
CREATE TABLE "line_item_adjustment" (
	"id" text PRIMARY KEY NOT NULL,
	"item_id" text NOT NULL,
	"description" text NOT NULL,
	"discount_id" text,
	"amount" integer NOT NULL,
	"metadata" jsonb,
	CONSTRAINT "uq_line_item_adjustment_item_discount" UNIQUE("item_id","discount_id")
);
--> statement-breakpoint
ALTER TABLE "discount_condition" ADD CONSTRAINT "discount_condition_discount_rule_id_discount_rule_id_fk" FOREIGN KEY ("discount_rule_id") REFERENCES "public"."discount_rule"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_condition_product" ADD CONSTRAINT "discount_condition_product_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_condition_product" ADD CONSTRAINT "discount_condition_product_condition_id_fk" FOREIGN KEY ("condition_id") REFERENCES "public"."discount_condition"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_item_adjustment" ADD CONSTRAINT "line_item_adjustment_item_id_line_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."line_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_item_adjustment" ADD CONSTRAINT "line_item_adjustment_discount_id_discount_id_fk" FOREIGN KEY ("discount_id") REFERENCES "public"."discount"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_discount_condition_discount_rule_id" ON "discount_condition" USING btree ("discount_rule_id");--> statement-breakpoint
CREATE INDEX "idx_discount_condition_product_condition_id" ON "discount_condition_product" USING btree ("condition_id");--> statement-breakpoint
CREATE INDEX "idx_line_item_adjustment_discount_id" ON "line_item_adjustment" USING btree ("discount_id");