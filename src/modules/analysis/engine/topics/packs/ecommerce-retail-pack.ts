import { defineTopic as topic } from '../define-topic';
import type { IndustryPack } from './industry-pack';

/** Online shops and stores: listings, sizes, tracking, collection, stores, gift cards. */
export const ECOMMERCE_RETAIL_PACK: IndustryPack = {
  name: 'ecommerce-retail',
  title: 'E-commerce & retail',
  description:
    'Online shops and stores: product listings, sizes, order tracking, click and collect, in-store visits.',
  topics: [
    topic(
      'product-listing',
      'Product description & photos',
      `product description, description, listing, photos, pictures, product page, not as described,
      not as pictured, looks different, misleading description, specs, specifications, size chart, size guide`,
      { parentKey: 'communication' },
    ),
    topic(
      'order-tracking',
      'Order tracking',
      `track my order, tracking number, tracking info, tracking information, tracking link, order status,
      where is my order, where's my order, no tracking`,
      { parentKey: 'delivery' },
    ),
    topic(
      'click-and-collect',
      'Click & collect',
      'click and collect, click & collect, pick up in store, in store pickup, collection point, pickup point, locker',
      { parentKey: 'delivery' },
    ),
    topic(
      'damaged-in-transit',
      'Damaged in transit',
      'arrived damaged, arrived broken, damaged box, crushed box, damaged in transit, poorly packed, badly packed',
      { parentKey: 'delivery' },
    ),
    topic(
      'in-store',
      'In-store experience',
      `store, shop, in store, in the store, fitting room, changing room, till, checkout line, aisle, aisles,
      shelves, display, shop floor`,
      { exclusions: 'app store, play store, online store, online shop' },
    ),
    topic('gift-cards', 'Gift cards', 'gift card, gift cards, gift voucher, gift certificate, store credit', {
      parentKey: 'payment',
    }),
    topic(
      'price-match',
      'Price match & promotions',
      'price match, price matching, price drop, black friday, cyber monday, clearance, markdown',
      { parentKey: 'discounts' },
    ),
    topic(
      'warranty',
      'Warranty & repairs',
      'warranty, guarantee, guaranteed, repair, repaired, replacement, replace it, spare part, spare parts',
      { parentKey: 'returns-refunds' },
    ),
  ],
};
