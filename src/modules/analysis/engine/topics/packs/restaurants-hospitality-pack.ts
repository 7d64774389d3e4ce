import { defineTopic as topic } from '../define-topic';
import type { IndustryPack } from './industry-pack';

/** Restaurants, cafés, bars and hotels: the dishes, the room, the table service. */
export const RESTAURANTS_HOSPITALITY_PACK: IndustryPack = {
  name: 'restaurants-hospitality',
  title: 'Restaurants & hospitality',
  description:
    'Restaurants, cafés, bars and hotels: food, drinks, menu, table service, ambience, cleanliness.',
  topics: [
    topic(
      'food',
      'Food',
      `food, dish, dishes, meal, meals, cuisine, cook, cooked, chef, kitchen, pizza, sushi, pasta, burger,
      steak, chicken, fish, salad, dessert, appetizer, entree, portion, portions, sauce, soup, bread, rice,
      noodle, cheese, meat, seafood, spicy, breakfast, lunch, dinner, brunch, eat, special, specials,
      bagel, salmon, shrimp, dumpling, cake, crust, tofu, pork, beef, vegetarian, vegan, gluten free`,
      { parentKey: 'product-quality', exclusions: 'food for thought' },
    ),
    topic(
      'drinks',
      'Drinks',
      'drink, drinks, wine, beer, cocktail, cocktails, coffee, tea, juice, bar, wine list, sake, martini',
      { parentKey: 'product-quality' },
    ),
    topic(
      'menu',
      'Menu & choice',
      'menu, menus, selection, variety, options, choice, choices, ran out of, sold out of, off the menu',
      { parentKey: 'availability' },
    ),
    topic(
      'table-service',
      'Table service',
      `service, waiter, waiters, waitress, waitresses, server, servers, host, hostess, bartender, maitre d,
      busboy, attentive, inattentive, served, serve, refill, refilled, brought, bring us, check came`,
      { parentKey: 'staff', exclusions: 'self service, customer service, server down, room service' },
    ),
    topic(
      'seating-wait',
      'Seating & table wait',
      `wait for a table, waited for a table, seated, be seated, get a table, no reservation, walk in,
      walk ins, table ready, waited to be seated`,
      { parentKey: 'waiting-time' },
    ),
    topic(
      'reservations',
      'Reservations',
      'reservation, reservations, book a table, booked a table, table for, reserve a table, opentable',
      { parentKey: 'ordering' },
    ),
    topic(
      'ambience',
      'Ambience',
      `ambience, ambiance, atmosphere, decor, decoration, music, noisy, loud, quiet, cozy, cosy, romantic,
      interior, lighting, crowded, cramped, space, view, vibe, outdoor, patio, garden, dark, seating, noise,
      noise level, packed`,
      { exclusions: 'dark mode, view my, room service' },
    ),
    topic(
      'cleanliness',
      'Cleanliness',
      'clean, cleanliness, dirty, filthy, sticky, smell, smelly, hygiene, bathroom, restroom, toilet, cockroach',
      { parentKey: 'ambience' },
    ),
    topic(
      'hotel-stay',
      'Rooms & stay',
      `room, rooms, bed, beds, pillow, shower, housekeeping, room service, check in, check out, front desk,
      lobby, pool, spa, minibar`,
      { parentKey: 'product-quality', exclusions: 'dining room, restroom, bathroom' },
    ),
    topic(
      'location',
      'Location',
      'location, located, neighborhood, neighbourhood, parking, subway, close to',
      {
        exclusions: 'close to my heart',
      },
    ),
  ],
};
