import { TopicDefinition } from './topic-definition';

/** Phrase lists are comma-separated text so the taxonomy reads like a glossary and stays compact. */
const list = (text: string): string[] =>
  text
    .split(',')
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase.length > 0);

const topic = (
  key: string,
  name: string,
  phrases: string,
  options: { parentKey?: string; exclusions?: string } = {},
): TopicDefinition => ({
  key,
  name,
  phrases: list(phrases),
  exclusions: list(options.exclusions ?? ''),
  ...(options.parentKey ? { parentKey: options.parentKey } : {}),
});

/**
 * The customer-experience taxonomy used when a workspace defines none. Top-level topics are generic; the
 * children cover the two domains most public feedback comes from (travel and restaurants) where the generic
 * words are not specific enough. Phrases are matched on Porter stems, so inflections need not be listed.
 */
export const DEFAULT_TAXONOMY: readonly TopicDefinition[] = [
  topic(
    'delivery',
    'Delivery & shipping',
    `
    delivery, deliver, shipping, shipment, ship, courier, parcel, package, tracking number, tracking,
    dispatch, postage, arrive late, never arrive, never arrived, not arrived, out for delivery`,
    { exclusions: 'cruise ship' },
  ),
  topic(
    'price',
    'Price & billing',
    `
    price, pricing, expensive, overpriced, pricey, cheap, cost, fee, fees, charge, charged,
    overcharged, bill, billing, invoice, payment, pay, paid, money, value for money, worth, discount,
    coupon, credit card, dollar, bucks, $, €, £, affordable, reasonable, rip off, refund fee`,
  ),
  topic(
    'product-quality',
    'Product quality',
    `
    quality, defective, faulty, broke, broken, stopped working, poor quality, cheaply made, durable,
    well made, battery, works great, doesn't work, does not work, malfunction, fell apart, falls apart,
    ripped, torn, sizing, too small, too big, doesn't fit, does not fit`,
  ),
  topic(
    'food',
    'Food',
    `
    food, dish, meal, menu, taste, tasty, delicious, flavor, flavour, bland, fresh, cook, chef,
    kitchen, pizza, sushi, pasta, burger, steak, chicken, fish, salad, dessert, appetizer, entree,
    portion, sauce, soup, bread, rice, noodle, roll, cheese, meat, seafood, spicy, wine, drink,
    coffee, cocktail, beer, breakfast, lunch, dinner, brunch, eat, snack, bagel, tuna, salmon,
    shrimp, lobster, dumpling, tapa, cake, cuisine`,
    { parentKey: 'product-quality' },
  ),
  topic(
    'customer-service',
    'Customer service',
    `
    customer service, customer care, customer support, support, service, help, helpful, unhelpful,
    agent, representative, rep, call center, phone, on hold, hold, call back, callback, respond,
    response, reply, answer, dm, email, chat, hung up, hang up, complaint, nobody, no one, ignore,
    rude, attitude`,
    { exclusions: 'self service, room service' },
  ),
  topic(
    'staff',
    'Staff',
    `
    staff, employee, manager, waiter, waitress, server, host, hostess, bartender, crew, friendly,
    attentive, polite, courteous, professional, rude, gate agent, pilot, captain`,
  ),
  topic(
    'cabin-crew',
    'Flight attendants',
    `
    flight attendant, flight attendants, fa, fas, stewardess, steward, cabin crew, crew member,
    inflight crew, purser, flight crew, attendant`,
    { parentKey: 'staff' },
  ),
  topic(
    'website-app',
    'Website & app',
    `
    website, site, web site, app, application, online, login, log in, password, account, checkout,
    page, link, error, bug, crash, glitch, mobile, internet, system, site down, app down, website down,
    server down, system down, is down, was down, still down, outage, timing out, times out, logs me out,
    logged me out`,
  ),
  topic(
    'booking',
    'Booking & reservations',
    `
    booking, book, booked, reservation, reserve, reservations, rebook, rebooked, rebooking,
    itinerary, ticket, change flight, change my flight, seat assignment, seat selection,
    confirmation, upgrade, award, miles, points, voucher, travel credit, fare`,
  ),
  topic(
    'returns-refunds',
    'Returns & refunds',
    `
    refund, refunded, return, returned, exchange, money back, chargeback, reimburse, reimbursement,
    compensation, credit back`,
    { exclusions: 'return flight, return trip' },
  ),
  topic(
    'waiting-time',
    'Waiting time',
    `
    wait, waited, waiting, queue, long line, hour wait, hours wait, minute wait, on hold for, forever,
    slow, took ages, still waiting`,
  ),
  topic(
    'queues',
    'Queues & lines',
    `
    long line, long lines, line, queue, check in line, security line, counter, check in, kiosk,
    ticket counter, line out the door, security line, wait in line, waiting in line, in line,
    checkpoint, security, tsa, one agent, understaffed`,
    { parentKey: 'waiting-time', exclusions: 'on line, line up' },
  ),
  topic(
    'flight-delays',
    'Flight delays',
    `
    delayed flight, flight delay, flight delayed, flight late, late flight, late departure,
    late arrival, departure delay, delayed departure, delayed again, missed connection,
    missed my connection, miss my connection, tarmac, sitting on the plane, stuck on the plane,
    hour delay, hr delay, hours late, weather delay, mechanical issue, maintenance issue,
    waiting to take off, gate change, still at the gate`,
    { parentKey: 'waiting-time', exclusions: 'delayed bag, delayed baggage, delayed luggage' },
  ),
  topic(
    'flight-cancellation',
    'Flight cancellations',
    `
    cancel, cancelled, canceled, cancellation, cancellations, cancel flight, flight cancelled,
    stranded, rebook`,
    { exclusions: 'cancel my subscription, cancel my account, cancel my order' },
  ),
  topic(
    'luggage',
    'Luggage',
    `
    luggage, baggage, bag, bags, suitcase, checked bag, carry on, baggage claim, bag fee`,
  ),
  topic(
    'lost-luggage',
    'Lost luggage',
    `
    lost luggage, lost bag, lost my bag, lost baggage, missing bag, missing luggage, bag missing,
    where is my bag, delayed bag, delayed baggage, bag didn't arrive, never got my bag,
    baggage claim, bag delivery, find my bag`,
    { parentKey: 'luggage' },
  ),
  topic(
    'damaged-luggage',
    'Damaged luggage',
    `
    damaged bag, damaged luggage, broken bag, broken suitcase, bag damaged, luggage damaged,
    suitcase damaged, ripped, torn, broken wheel, broken handle, damage, damaged, broke suitcase,
    broke bag, broke luggage, broken luggage, luggage broken, bag broken, suitcase broken, throw bag,
    throwing bag, throwing luggage, thrown luggage, throw luggage, bag handler, baggage handler,
    wet clothes, repair, destroyed bag, destroyed luggage`,
    { parentKey: 'luggage' },
  ),
  topic(
    'in-flight',
    'In-flight experience',
    `
    seat, seats, legroom, leg room, wifi, wi fi, entertainment, tv, movie, plane, aircraft, cabin,
    onboard, on board, inflight, in flight, snack, air conditioning, temperature, hot, cold, dirty,
    smell, bathroom, lavatory, overhead bin, first class, economy, turbulence, outlet, power outlet,
    middle seat, window seat, aisle seat, broken seat, uncomfortable, drinks, wine, meal, screen,
    headphones, heat, cramped, bumpy, landing, worst flight`,
  ),
  topic(
    'ambience',
    'Ambience',
    `
    ambience, ambiance, atmosphere, decor, decoration, music, noisy, loud, quiet, cozy, cosy,
    romantic, interior, lighting, crowded, cramped, space, room, table, view, vibe, outdoor,
    patio, garden, clean, dirty, dark, bright, comfortable, seating`,
    // Not "setting" (stemmed to "set": "set up my account") or "place" ("place an order").
    { exclusions: 'dark mode, light mode, view my, room service' },
  ),
];
