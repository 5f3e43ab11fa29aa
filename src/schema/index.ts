// The commerce backend's schema, one module per area. drizzle-kit generates drizzle/ from this.
export * from './store.js';
export * from './user.js';
export * from './region.js';
export * from './shipping.js';
export * from './product.js';
export * from './pricing.js';
export * from './discount.js';
export * from './gift-card.js';
export * from './cart.js';
export * from './order.js';
export * from './line-item.js';
export * from './sales-channel.js';
export * from './category.js';
export * from './inventory.js';
