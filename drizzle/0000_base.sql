CREATE TYPE "public"."user_role_enum" AS ENUM('admin', 'member', 'developer');--> statement-breakpoint
CREATE TYPE "public"."shipping_option_price_type_enum" AS ENUM('flat_rate', 'calculated');--> statement-breakpoint
CREATE TYPE "public"."product_status_enum" AS ENUM('draft', 'proposed', 'published', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."discount_rule_allocation_enum" AS ENUM('total', 'item');--> statement-breakpoint
CREATE TYPE "public"."discount_rule_type_enum" AS ENUM('fixed', 'percentage', 'free_shipping');--> statement-breakpoint
CREATE TYPE "public"."cart_type_enum" AS ENUM('default', 'swap', 'draft_order', 'payment_link', 'claim');--> statement-breakpoint
CREATE TYPE "public"."order_fulfillment_status_enum" AS ENUM('not_fulfilled', 'partially_fulfilled', 'fulfilled', 'partially_shipped', 'shipped', 'partially_returned', 'returned', 'canceled', 'requires_action');--> statement-breakpoint
CREATE TYPE "public"."order_payment_status_enum" AS ENUM('not_paid', 'awaiting', 'captured', 'partially_refunded', 'refunded', 'canceled', 'requires_action');--> statement-breakpoint
CREATE TYPE "public"."order_status_enum" AS ENUM('pending', 'completed', 'archived', 'canceled', 'requires_action');--> statement-breakpoint
CREATE TABLE "currency" (
	"code" text PRIMARY KEY NOT NULL,
	"symbol" text NOT NULL,
	"symbol_native" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text DEFAULT 'Medusa Store' NOT NULL,
	"default_currency_code" text DEFAULT 'usd' NOT NULL,
	"swap_link_template" text,
	"payment_link_template" text,
	"invite_link_template" text,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_currencies" (
	"store_id" text NOT NULL,
	"currency_code" text NOT NULL,
	CONSTRAINT "store_currencies_store_id_currency_code_pk" PRIMARY KEY("store_id","currency_code")
);
--> statement-breakpoint
CREATE TABLE "customer" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"phone" text,
	"password_hash" text,
	"has_account" boolean DEFAULT false NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"password_hash" text,
	"api_token" text,
	"role" "user_role_enum" DEFAULT 'member' NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "uq_user_email" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "country" (
	"id" serial PRIMARY KEY NOT NULL,
	"iso_2" text NOT NULL,
	"iso_3" text,
	"num_code" integer,
	"name" text,
	"display_name" text NOT NULL,
	"region_id" text,
	CONSTRAINT "uq_country_iso_2" UNIQUE("iso_2")
);
--> statement-breakpoint
CREATE TABLE "fulfillment_provider" (
	"id" text PRIMARY KEY NOT NULL,
	"is_installed" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_provider" (
	"id" text PRIMARY KEY NOT NULL,
	"is_installed" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"currency_code" text NOT NULL,
	"tax_rate" real NOT NULL,
	"tax_code" text,
	"gift_cards_taxable" boolean DEFAULT true NOT NULL,
	"automatic_taxes" boolean DEFAULT true NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "region_fulfillment_providers" (
	"region_id" text NOT NULL,
	"provider_id" text NOT NULL,
	CONSTRAINT "region_fulfillment_providers_region_id_provider_id_pk" PRIMARY KEY("region_id","provider_id")
);
--> statement-breakpoint
CREATE TABLE "region_payment_providers" (
	"region_id" text NOT NULL,
	"provider_id" text NOT NULL,
	CONSTRAINT "region_payment_providers_region_id_provider_id_pk" PRIMARY KEY("region_id","provider_id")
);
--> statement-breakpoint
CREATE TABLE "shipping_option" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"price_type" "shipping_option_price_type_enum" NOT NULL,
	"amount" integer,
	"is_return" boolean DEFAULT false NOT NULL,
	"admin_only" boolean DEFAULT false NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "image" (
	"id" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "product" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"subtitle" text,
	"description" text,
	"handle" text NOT NULL,
	"is_giftcard" boolean DEFAULT false NOT NULL,
	"status" "product_status_enum" DEFAULT 'draft' NOT NULL,
	"thumbnail" text,
	"weight" integer,
	"length" integer,
	"height" integer,
	"width" integer,
	"hs_code" text,
	"origin_country" text,
	"mid_code" text,
	"material" text,
	"collection_id" text,
	"discountable" boolean DEFAULT true NOT NULL,
	"external_id" text,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "uq_product_handle" UNIQUE("handle")
);
--> statement-breakpoint
CREATE TABLE "product_collection" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"handle" text NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "uq_product_collection_handle" UNIQUE("handle")
);
--> statement-breakpoint
CREATE TABLE "product_images" (
	"product_id" text NOT NULL,
	"image_id" text NOT NULL,
	CONSTRAINT "product_images_product_id_image_id_pk" PRIMARY KEY("product_id","image_id")
);
--> statement-breakpoint
CREATE TABLE "product_option" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"product_id" text NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "product_option_value" (
	"id" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"option_id" text NOT NULL,
	"variant_id" text NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "product_variant" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"product_id" text NOT NULL,
	"sku" text,
	"barcode" text,
	"ean" text,
	"upc" text,
	"inventory_quantity" integer NOT NULL,
	"allow_backorder" boolean DEFAULT false NOT NULL,
	"manage_inventory" boolean DEFAULT true NOT NULL,
	"weight" integer,
	"length" integer,
	"height" integer,
	"width" integer,
	"hs_code" text,
	"origin_country" text,
	"mid_code" text,
	"material" text,
	"variant_rank" integer DEFAULT 0 NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "uq_product_variant_sku" UNIQUE("sku")
);
--> statement-breakpoint
CREATE TABLE "money_amount" (
	"id" text PRIMARY KEY NOT NULL,
	"currency_code" text NOT NULL,
	"amount" integer NOT NULL,
	"min_quantity" integer,
	"max_quantity" integer,
	"variant_id" text NOT NULL,
	"region_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "discount" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"is_dynamic" boolean DEFAULT false NOT NULL,
	"rule_id" text,
	"is_disabled" boolean DEFAULT false NOT NULL,
	"parent_discount_id" text,
	"starts_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ends_at" timestamp with time zone,
	"valid_duration" text,
	"usage_limit" integer,
	"usage_count" integer DEFAULT 0 NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "uq_discount_code" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "discount_regions" (
	"discount_id" text NOT NULL,
	"region_id" text NOT NULL,
	CONSTRAINT "discount_regions_discount_id_region_id_pk" PRIMARY KEY("discount_id","region_id")
);
--> statement-breakpoint
CREATE TABLE "discount_rule" (
	"id" text PRIMARY KEY NOT NULL,
	"description" text,
	"type" "discount_rule_type_enum" NOT NULL,
	"value" integer NOT NULL,
	"allocation" "discount_rule_allocation_enum",
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "discount_rule_products" (
	"discount_rule_id" text NOT NULL,
	"product_id" text NOT NULL,
	CONSTRAINT "discount_rule_products_discount_rule_id_product_id_pk" PRIMARY KEY("discount_rule_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "gift_card" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"value" integer NOT NULL,
	"balance" integer NOT NULL,
	"region_id" text NOT NULL,
	"order_id" text,
	"is_disabled" boolean DEFAULT false NOT NULL,
	"ends_at" timestamp with time zone,
	"tax_rate" real,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "uq_gift_card_code" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "cart" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text,
	"customer_id" text,
	"region_id" text NOT NULL,
	"type" "cart_type_enum" DEFAULT 'default' NOT NULL,
	"completed_at" timestamp with time zone,
	"payment_authorized_at" timestamp with time zone,
	"idempotency_key" text,
	"context" jsonb,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cart_discounts" (
	"cart_id" text NOT NULL,
	"discount_id" text NOT NULL,
	CONSTRAINT "cart_discounts_cart_id_discount_id_pk" PRIMARY KEY("cart_id","discount_id")
);
--> statement-breakpoint
CREATE TABLE "order" (
	"id" text PRIMARY KEY NOT NULL,
	"status" "order_status_enum" DEFAULT 'pending' NOT NULL,
	"fulfillment_status" "order_fulfillment_status_enum" DEFAULT 'not_fulfilled' NOT NULL,
	"payment_status" "order_payment_status_enum" DEFAULT 'not_paid' NOT NULL,
	"display_id" serial NOT NULL,
	"cart_id" text,
	"customer_id" text NOT NULL,
	"email" text NOT NULL,
	"region_id" text NOT NULL,
	"currency_code" text NOT NULL,
	"tax_rate" real,
	"canceled_at" timestamp with time zone,
	"no_notification" boolean,
	"idempotency_key" text,
	"external_id" text,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uq_order_cart_id" UNIQUE("cart_id")
);
--> statement-breakpoint
CREATE TABLE "order_discounts" (
	"order_id" text NOT NULL,
	"discount_id" text NOT NULL,
	CONSTRAINT "order_discounts_order_id_discount_id_pk" PRIMARY KEY("order_id","discount_id")
);
--> statement-breakpoint
CREATE TABLE "line_item" (
	"id" text PRIMARY KEY NOT NULL,
	"cart_id" text,
	"order_id" text,
	"title" text NOT NULL,
	"description" text,
	"thumbnail" text,
	"is_giftcard" boolean DEFAULT false NOT NULL,
	"should_merge" boolean DEFAULT true NOT NULL,
	"allow_discounts" boolean DEFAULT true NOT NULL,
	"has_shipping" boolean,
	"unit_price" integer NOT NULL,
	"variant_id" text,
	"quantity" integer NOT NULL,
	"fulfilled_quantity" integer,
	"returned_quantity" integer,
	"shipped_quantity" integer,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chk_line_item_quantity" CHECK (quantity > 0)
);
--> statement-breakpoint
ALTER TABLE "store" ADD CONSTRAINT "store_default_currency_code_currency_code_fk" FOREIGN KEY ("default_currency_code") REFERENCES "public"."currency"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_currencies" ADD CONSTRAINT "store_currencies_store_id_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."store"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_currencies" ADD CONSTRAINT "store_currencies_currency_code_currency_code_fk" FOREIGN KEY ("currency_code") REFERENCES "public"."currency"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "country" ADD CONSTRAINT "country_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region" ADD CONSTRAINT "region_currency_code_currency_code_fk" FOREIGN KEY ("currency_code") REFERENCES "public"."currency"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_fulfillment_providers" ADD CONSTRAINT "region_fulfillment_providers_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_fulfillment_providers" ADD CONSTRAINT "region_fulfillment_providers_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."fulfillment_provider"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_payment_providers" ADD CONSTRAINT "region_payment_providers_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_payment_providers" ADD CONSTRAINT "region_payment_providers_provider_id_payment_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."payment_provider"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_option" ADD CONSTRAINT "shipping_option_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_option" ADD CONSTRAINT "shipping_option_provider_id_fulfillment_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."fulfillment_provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product" ADD CONSTRAINT "product_collection_id_product_collection_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."product_collection"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_images" ADD CONSTRAINT "product_images_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_images" ADD CONSTRAINT "product_images_image_id_image_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."image"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_option" ADD CONSTRAINT "product_option_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_option_value" ADD CONSTRAINT "product_option_value_option_id_product_option_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."product_option"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_option_value" ADD CONSTRAINT "product_option_value_variant_id_product_variant_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_variant" ADD CONSTRAINT "product_variant_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_amount" ADD CONSTRAINT "money_amount_currency_code_currency_code_fk" FOREIGN KEY ("currency_code") REFERENCES "public"."currency"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_amount" ADD CONSTRAINT "money_amount_variant_id_product_variant_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_amount" ADD CONSTRAINT "money_amount_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount" ADD CONSTRAINT "discount_rule_id_discount_rule_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."discount_rule"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount" ADD CONSTRAINT "discount_parent_discount_id_fk" FOREIGN KEY ("parent_discount_id") REFERENCES "public"."discount"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_regions" ADD CONSTRAINT "discount_regions_discount_id_discount_id_fk" FOREIGN KEY ("discount_id") REFERENCES "public"."discount"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_regions" ADD CONSTRAINT "discount_regions_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_rule_products" ADD CONSTRAINT "discount_rule_products_discount_rule_id_discount_rule_id_fk" FOREIGN KEY ("discount_rule_id") REFERENCES "public"."discount_rule"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_rule_products" ADD CONSTRAINT "discount_rule_products_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_card" ADD CONSTRAINT "gift_card_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_card" ADD CONSTRAINT "gift_card_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart" ADD CONSTRAINT "cart_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart" ADD CONSTRAINT "cart_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_discounts" ADD CONSTRAINT "cart_discounts_cart_id_cart_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."cart"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_discounts" ADD CONSTRAINT "cart_discounts_discount_id_discount_id_fk" FOREIGN KEY ("discount_id") REFERENCES "public"."discount"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order" ADD CONSTRAINT "order_cart_id_cart_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."cart"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order" ADD CONSTRAINT "order_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order" ADD CONSTRAINT "order_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order" ADD CONSTRAINT "order_currency_code_currency_code_fk" FOREIGN KEY ("currency_code") REFERENCES "public"."currency"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_discounts" ADD CONSTRAINT "order_discounts_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_discounts" ADD CONSTRAINT "order_discounts_discount_id_discount_id_fk" FOREIGN KEY ("discount_id") REFERENCES "public"."discount"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_item" ADD CONSTRAINT "line_item_cart_id_cart_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."cart"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_item" ADD CONSTRAINT "line_item_order_id_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_item" ADD CONSTRAINT "line_item_variant_id_product_variant_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."product_variant"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_store_default_currency_code" ON "store" USING btree ("default_currency_code");--> statement-breakpoint
CREATE INDEX "idx_store_currencies_currency_code" ON "store_currencies" USING btree ("currency_code");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_customer_email_has_account" ON "customer" USING btree ("email","has_account");--> statement-breakpoint
CREATE INDEX "idx_customer_email" ON "customer" USING btree ("email");--> statement-breakpoint
CREATE INDEX "idx_country_region_id" ON "country" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "idx_region_currency_code" ON "region" USING btree ("currency_code");--> statement-breakpoint
CREATE INDEX "idx_region_fulfillment_providers_provider_id" ON "region_fulfillment_providers" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "idx_region_payment_providers_provider_id" ON "region_payment_providers" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "idx_shipping_option_region_id" ON "shipping_option" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "idx_shipping_option_provider_id" ON "shipping_option" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "idx_product_collection_id" ON "product" USING btree ("collection_id");--> statement-breakpoint
CREATE INDEX "idx_product_images_image_id" ON "product_images" USING btree ("image_id");--> statement-breakpoint
CREATE INDEX "idx_product_option_product_id" ON "product_option" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "idx_product_option_value_option_id" ON "product_option_value" USING btree ("option_id");--> statement-breakpoint
CREATE INDEX "idx_product_option_value_variant_id" ON "product_option_value" USING btree ("variant_id");--> statement-breakpoint
CREATE INDEX "idx_product_variant_product_id" ON "product_variant" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "idx_money_amount_variant_id" ON "money_amount" USING btree ("variant_id");--> statement-breakpoint
CREATE INDEX "idx_money_amount_region_id" ON "money_amount" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "idx_money_amount_currency_code" ON "money_amount" USING btree ("currency_code");--> statement-breakpoint
CREATE INDEX "idx_discount_rule_id" ON "discount" USING btree ("rule_id");--> statement-breakpoint
CREATE INDEX "idx_discount_parent_discount_id" ON "discount" USING btree ("parent_discount_id");--> statement-breakpoint
CREATE INDEX "idx_discount_regions_region_id" ON "discount_regions" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "idx_discount_rule_products_product_id" ON "discount_rule_products" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "idx_gift_card_region_id" ON "gift_card" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "idx_gift_card_order_id" ON "gift_card" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "idx_cart_customer_id" ON "cart" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "idx_cart_region_id" ON "cart" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "idx_cart_discounts_discount_id" ON "cart_discounts" USING btree ("discount_id");--> statement-breakpoint
CREATE INDEX "idx_order_customer_id" ON "order" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "idx_order_region_id" ON "order" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "idx_order_currency_code" ON "order" USING btree ("currency_code");--> statement-breakpoint
CREATE INDEX "idx_order_discounts_discount_id" ON "order_discounts" USING btree ("discount_id");--> statement-breakpoint
CREATE INDEX "idx_line_item_cart_id" ON "line_item" USING btree ("cart_id");--> statement-breakpoint
CREATE INDEX "idx_line_item_order_id" ON "line_item" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "idx_line_item_variant_id" ON "line_item" USING btree ("variant_id");