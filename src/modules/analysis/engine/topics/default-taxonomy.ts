import { defineTopic as topic } from './define-topic';
import { TopicDefinition } from './topic-definition';

/** The 14 general top-level keys every workspace starts with; industry packs refine them, never rename them. */
export const GENERAL_TOPIC_KEYS = [
  'ordering',
  'payment',
  'price',
  'delivery',
  'returns-refunds',
  'product-quality',
  'availability',
  'customer-service',
  'website-app',
  'account',
  'subscription',
  'communication',
  'staff',
  'waiting-time',
] as const;

/**
 * The general customer-experience taxonomy used when a workspace defines none: words any business's customers
 * use, whatever it sells. Domain words (flights, dishes, luggage, rooms) live in industry packs
 * (`packs/`), which add children under these keys. Phrases are matched on Porter stems, so inflections need
 * not be listed; a multi-word phrase may skip a couple of short fillers ("lost my parcel").
 */
export const DEFAULT_TAXONOMY: readonly TopicDefinition[] = [
  topic(
    'ordering',
    'Ordering & booking',
    `
    my order, our order, the order, an order, your order, place an order, placed an order, order number,
    order status, online order, order online, ordering online, ordering process, purchase online, booking,
    booked, reservation, reserve, rebook, rebooked, booking reference`,
    { exclusions: 'in order to, in order for, out of order, the order of, an order of' },
  ),
  topic(
    'checkout',
    'Cart & checkout',
    `cart, basket, checkout, check out page, add to cart, promo code field, place my order, complete my order,
    could not order, can't order, unable to order`,
    { parentKey: 'ordering' },
  ),
  topic(
    'order-changes',
    'Changing or cancelling an order',
    `change my order, change the order, cancel my order, cancel the order, order cancelled, amend my booking,
    amend a booking, change my booking, change my reservation, cancel my booking, cancel my reservation,
    modify my order`,
    { parentKey: 'ordering' },
  ),
  topic(
    'wrong-item',
    'Wrong or missing item',
    `wrong item, wrong order, wrong size sent, sent the wrong, received the wrong, got the wrong, missing item,
    item missing, items missing, missing from my order, not what i ordered, incomplete order`,
    { parentKey: 'ordering' },
  ),

  topic(
    'payment',
    'Payment',
    `
    payment, pay, paying, payed, credit card, debit card, gift card, transaction, charged, charge my card,
    paypal, apple pay, google pay, bank transfer, billing, billed, checkout payment`,
    {
      exclusions: `pay attention, paid off, in charge, charge it, charge the, charging, charge my phone,
      fully charged, what you pay for`,
    },
  ),
  topic(
    'payment-failures',
    'Payment failures',
    `payment failed, payment declined, card declined, card was declined, card got declined, card rejected,
    payment did not go through, payment didn't go through, payment error, transaction failed, could not pay,
    couldn't pay, unable to pay`,
    { parentKey: 'payment' },
  ),
  topic(
    'double-charges',
    'Double or wrong charges',
    `charged twice, double charged, double charge, charged double, duplicate charge, charged two times,
    overcharged, wrong amount, charged the wrong, unauthorized charge, unauthorised charge, charged again,
    still charged, charged me`,
    { parentKey: 'payment' },
  ),
  topic(
    'invoices',
    'Invoices & receipts',
    'invoice, invoices, receipt, receipts, bill, billing statement, vat',
    { parentKey: 'payment', exclusions: 'bill of rights' },
  ),

  topic(
    'price',
    'Price & value',
    `
    price, prices, priced, pricing, pricey, expensive, overpriced, cheap, cheaper, cheapest, cost, costs,
    costly, affordable, inexpensive, value for money, value, good value, worth the money, worth it,
    not worth, money, rip off, ripoff, deal, bargain, bucks, $, €, £, dollar, dollars, paid extra,
    you get what you pay for, waste of money`,
    { exclusions: 'cost me my, deal with, dealt with, dealing with, big deal, no big deal, money back' },
  ),
  topic(
    'fees',
    'Fees & surcharges',
    'fee, fees, surcharge, hidden fee, extra charge, service charge, booking fee, delivery fee, admin fee',
    { parentKey: 'price' },
  ),
  topic(
    'discounts',
    'Discounts & offers',
    `discount, discounts, coupon, voucher code, promo code, promotion, promo, sale price, on sale,
    special offer, price match, price difference, loyalty discount`,
    { parentKey: 'price' },
  ),

  topic(
    'delivery',
    'Delivery & shipping',
    `
    delivery, deliver, delivered, shipping, shipped, shipment, ship, courier, parcel, package arrived,
    packaging, packaged, postage, dispatch, dispatched, tracking number, tracking info, track my order, track my parcel, track my package,
    arrived on time,
    arrived quickly, arrived late, arrived damaged, arrived broken, never arrived, has not arrived,
    hasn't arrived, not arrived, out for delivery, delivery driver`,
    { exclusions: 'cruise ship, relationship, friendship, ownership, membership' },
  ),
  topic(
    'late-delivery',
    'Late delivery',
    `late delivery, delivery was late, delivery delayed, delayed delivery, shipping delay, still not arrived,
    still hasn't arrived, still waiting for my order, still waiting for my package, never arrived, took weeks
    to arrive, arrived late`,
    { parentKey: 'delivery' },
  ),
  topic(
    'missing-parcel',
    'Lost or missing parcel',
    `lost parcel, lost package, parcel lost, package lost, missing parcel, missing package, parcel missing,
    package missing, marked as delivered, stolen package, never received`,
    { parentKey: 'delivery' },
  ),

  topic(
    'returns-refunds',
    'Returns & refunds',
    `
    refund, refunded, refunds, money back, reimburse, reimbursed, reimbursement, chargeback, compensation,
    compensate, store credit, exchange, exchanged, sending it back, send it back, sent it back,
    returning it, returned it, return it, return the, return label, return policy`,
    {
      exclusions: `return flight, return trip, return journey, return ticket, return to, return home,
      will return, would return, return visit, exchange rate`,
    },
  ),

  topic(
    'product-quality',
    'Product quality',
    `
    quality, product, item, device, well made, poorly made, cheaply made, build quality, material, materials,
    design, works great, works well, work well, works fine, works perfectly, worked fine, works as,
    worked great, excellent product, great product, good product, bad product, lousy, junk, flimsy,
    sturdy, solid, feature, features, performance, taste, tasty, delicious, flavor, flavour, bland, fresh,
    stale, ingredient, ingredients, food, meal, meals, dish, dishes, works good, work good, ever owned,
    ever bought, ever used, ever purchased, ever had, this thing, this unit, the unit, it works, it worked,
    phone, phones, cell phone, smartphone, headset, headsets, headphones, earphones, earbuds, earpiece,
    bluetooth, camera, cameras, player, speaker, speakers, speakerphone, laptop, tablet, printer, gadget,
    software, firmware, cuisine, dessert, desserts, portion, portions, sauce, sauces`,
    {
      exclusions: `quality time, customer service quality, service quality, on the phone, on phone, by phone,
      over the phone, phone call, phone calls, phone number, phone line, phone lines, phone support,
      phone agent, phone rep, phone app, answer the phone, pick up the phone, call phone, called phone,
      phone died, phone is dying, my phone died, charge my phone`,
    },
  ),
  topic(
    'defects',
    'Defects & faults',
    `defective, faulty, broken, broke, breaks, stopped working, stop working, doesn't work, does not work,
    didn't work, did not work, won't work, not working, malfunction, malfunctioning, defect, dead on arrival,
    doa, problem with it, keeps freezing, freezing, died, dead battery, damaged, scratched, scratches, cracked,
    leaks, leaking, overheats, overheating`,
    {
      parentKey: 'product-quality',
      exclusions: 'broke the news, broke up, freezing cold, broke my heart, from scratch',
    },
  ),
  topic(
    'durability',
    'Durability',
    `durable, durability, last long, lasted only, didn't last, did not last, long lasting, fell apart, falls apart, wore out, worn out,
    wear and tear, after a week, after a month, after only, within a week, within a month, holds up`,
    { parentKey: 'product-quality' },
  ),
  topic(
    'performance',
    'How it works',
    `easy to use, simple to use, hard to use, difficult to use, user friendly, battery, battery life, charge,
    charger, charging, sound, sound quality, volume, picture quality, screen, display, signal, reception,
    connection, connect, pair, pairing, setup, set up, install, speed, instructions, manual, controls,
    buttons, echo, static, settings, remote control, hard drive, harddisk, memory card, storage,
    resolution, photos, pictures, clarity`,
    {
      parentKey: 'product-quality',
      exclusions: `sounds like, sounds good, sound like, set up my account, set up an account, connecting flight, was charged, were charged, been charged,
      charged me,
      missed connection, missed my connection, at reception, reception desk`,
    },
  ),
  topic(
    'fit-size',
    'Fit & size',
    `fit, fits, fitting, doesn't fit, does not fit, size, sizing, too small, too big, too large, too tight,
    too loose, runs small, runs large, comfortable, uncomfortable, comfort, true to size`,
    { parentKey: 'product-quality', exclusions: 'fit in, fit for purpose' },
  ),

  topic(
    'availability',
    'Availability',
    `
    out of stock, in stock, back in stock, sold out, stock, unavailable, not available, no longer available,
    availability, available, ran out, run out, running out, wide selection, variety, range of products,
    limited choice, discontinued, no slots, no slot, no appointments, fully booked, no availability,
    no seats, no tables, waitlist, wait list`,
    { exclusions: 'available to help, available for questions, make available' },
  ),

  topic(
    'customer-service',
    'Customer service',
    `
    customer service, customer care, customer support, support team, tech support, technical support,
    support, help desk, helpdesk, service desk, contact centre, contact center, call center, call centre,
    support ticket, unhelpful, not helpful, very helpful, so helpful, complaint, complaints, complain`,
    { exclusions: 'self service, support for' },
  ),
  topic(
    'reaching-support',
    'Reaching support & hold times',
    `on hold, hold for, held for, put on hold, hold time, hold music, call back, callback, called back,
    calling back, hung up, hang up, hangs up, no answer, no response, no reply, never replied,
    never responded, never heard back, get through, got through, get hold of, reach someone, reach a person,
    speak to someone, talk to someone, talk to a human, real person, live chat, chat support, reply, respond, response, answer my`,
    { parentKey: 'customer-service' },
  ),
  topic(
    'agents',
    'Support agents',
    `agent, agents, representative, rep, operator, associate, person on the phone,
    guy on the phone, lady on the phone, supervisor`,
    { parentKey: 'customer-service', exclusions: 'travel agent, gate agent' },
  ),
  topic(
    'resolution',
    'Resolution',
    `resolve, resolved, no resolution, solve, solved, fix my, fixed it, sort it out, sorted it out, sorted out,
    escalate, escalated, no solution, still not fixed, nobody could help, no one could help, couldn't help, could not help, can you help, please help, help me`,
    { parentKey: 'customer-service' },
  ),

  topic(
    'website-app',
    'Website & app',
    `
    website, web site, site, webpage, web page, app, apps, application, online, page, the link, portal,
    browser, mobile app, ios, android, interface, ui, user experience, ux, navigation`,
    { exclusions: 'on site, off site, job application' },
  ),
  topic(
    'bugs-crashes',
    'Bugs & crashes',
    `bug, bugs, buggy, glitch, glitches, crash, crashes, crashed, crashing, error, error message,
    is down, was down, site down, app down, website down, outage, won't load, will not load, doesn't load,
    not loading, broken link, link doesn't work, keeps logging me out`,
    { parentKey: 'website-app', exclusions: 'human error, agent error, crash course' },
  ),
  topic(
    'slowness',
    'Slowness',
    'slow to load, loads slowly, takes forever to load, loading, lag, laggy, timing out, times out, timeout',
    { parentKey: 'website-app' },
  ),

  topic(
    'account',
    'Account',
    `
    account, my account, profile, username, user name, sign up, signup, sign in, signin, register,
    registration, log in, login, logged in, log on, logon, logged out, locked out, password, reset password,
    forgot password, verification code, verify my, two factor, 2fa, email address on file`,
    { exclusions: 'take into account, on account of, fake account, bank account, account for' },
  ),
  topic(
    'loyalty-account',
    'Loyalty account',
    `loyalty, loyalty program, loyalty card, reward points, rewards, points balance, my points, member number,
    membership number, frequent`,
    { parentKey: 'account' },
  ),

  topic(
    'subscription',
    'Subscription & membership',
    `
    subscription, subscriptions, subscribe, subscribed, subscriber, membership, memberships, member,
    members, plan, plans, renewal, renew, renewed, auto renew, auto renewal, trial, free trial,
    monthly fee, annual fee, upgrade my plan, downgrade, premium`,
    { exclusions: 'plan to, planning to, plan on, plans to, family member, crew member, staff member' },
  ),
  topic(
    'cancelling-subscription',
    'Cancelling a subscription',
    `cancel my subscription, cancel subscription, cancel my membership, cancel membership, unsubscribe,
    cancelled my subscription, cancelled my membership, cancel my plan, cancel my account, close my account,
    stop the subscription, can't cancel, cannot cancel`,
    { parentKey: 'subscription' },
  ),

  topic(
    'communication',
    'Communication & updates',
    `
    email, emails, e mail, newsletter, notification, notifications, notify, notified, text message, sms,
    update, updates, status update, any update, no update, informed, inform, information,
    info, no information, no info, kept in the dark, let us know, let me know, heads up, announcement,
    confirmation email, told us, told me, were told, was told, misleading, misinformation,
    no clue, no idea what, clear explanation, explain, explained, communication, communicate`,
    { exclusions: 'let me know if you, software update, latest update, app update' },
  ),

  topic(
    'staff',
    'Staff',
    `
    staff, staffer, employee, employees, cashier, clerk, shop assistant, sales assistant, salesperson,
    salesman, store manager, manager, waiter, waitress, server, servers, host, hostess, bartender,
    receptionist, front desk, crew, team member, worker, workers, friendly staff, rude staff, attentive,
    polite, courteous, rude, friendly, treated, welcoming`,
    {
      exclusions: `server down, server error, servers down, friendly interface, user friendly, eco friendly,
      kid friendly, family friendly, pet friendly`,
    },
  ),

  topic(
    'waiting-time',
    'Waiting time',
    `
    wait, waited, waiting, waiting time, wait time, delay, delays, delayed, late, running late, on time,
    took ages, took forever, takes forever, forever, still waiting, hours later, minutes later,
    an hour, two hours, hours ago, all day, hour wait, hours wait, minute wait, slow service, long time,
    still here, not moved, stuck, punctual, took minutes, took hours, waited minutes, waited hours,
    minutes for, hours for, hours late, minutes late, another hour, extra day, over an hour, half an hour`,
    {
      exclusions: `can't wait, cannot wait, couldn't wait, wait and see, wait for summer, late night,
      later, of late, late lunch, late dinner, latest, forever grateful, forever love, stuck with,
      arrived on time`,
    },
  ),
  topic(
    'queues',
    'Queues & lines',
    `queue, queues, queued, queuing, queueing, long line, long lines, in line, waiting in line, wait in line,
    line out the door, line was, line is, lines were`,
    { parentKey: 'waiting-time', exclusions: 'in line with, online' },
  ),
];
