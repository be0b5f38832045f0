/** Word lists the demo generator combines; none of it is a real person or address. */
export const FIRST_NAMES = ['Maria', 'James', 'Linda', 'Robert', 'Aisha', 'Wei', 'Carlos', 'Emily', 'Daniel', 'Priya', 'Kevin', 'Sofia', 'Marcus', 'Hannah', 'Luis', 'Grace', 'Tyrone', 'Olivia', 'Ethan', 'Mei'];
export const LAST_NAMES = ['Garcia', 'Johnson', 'Nguyen', 'Smith', 'Patel', 'Williams', 'Brown', 'Kim', 'Martinez', 'Davis', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Moore', 'Jackson', 'Lee', 'Harris', 'Clark', 'Lewis'];
export const STREETS = ['Maple Ave', 'Oak St', 'Cedar Ln', 'Pine Rd', 'Elm St', 'Lakeview Dr', 'Sunset Blvd', 'Hillcrest Rd', 'River Rd', 'Park Ave', 'Washington St', 'Lincoln Ave'];
export const CITIES: readonly { city: string; state: string; zip: string }[] = [
  { city: 'Austin', state: 'TX', zip: '78704' },
  { city: 'Columbus', state: 'OH', zip: '43215' },
  { city: 'Denver', state: 'CO', zip: '80205' },
  { city: 'Phoenix', state: 'AZ', zip: '85004' },
  { city: 'Charlotte', state: 'NC', zip: '28202' },
  { city: 'Portland', state: 'OR', zip: '97209' },
  { city: 'Nashville', state: 'TN', zip: '37203' },
  { city: 'Madison', state: 'WI', zip: '53703' },
  { city: 'Tampa', state: 'FL', zip: '33602' },
  { city: 'Sacramento', state: 'CA', zip: '95814' },
  { city: 'Rochester', state: 'NY', zip: '14604' },
  { city: 'Boise', state: 'ID', zip: '83702' },
];
export const PRODUCTS: readonly { sku: string; title: string; priceCents: number; weightOz: number }[] = [
  { sku: 'KT-FRPAN-10', title: '10" Nonstick Frying Pan', priceCents: 2499, weightOz: 38 },
  { sku: 'KT-KNIFE-8', title: '8" Chef Knife, German Steel', priceCents: 3995, weightOz: 9 },
  { sku: 'HM-TOWEL-6PK', title: 'Cotton Bath Towels, 6 Pack', priceCents: 3449, weightOz: 72 },
  { sku: 'PT-LEASH-6FT', title: 'Reflective Dog Leash, 6 ft', priceCents: 1299, weightOz: 7 },
  { sku: 'EL-USBC-2M', title: 'USB-C Charging Cable, 2 m', priceCents: 899, weightOz: 2 },
  { sku: 'EL-PWRBNK-10K', title: 'Power Bank 10,000 mAh', priceCents: 2199, weightOz: 8 },
  { sku: 'TY-PUZZLE-1000', title: '1000-Piece Jigsaw Puzzle, Lighthouse', priceCents: 1699, weightOz: 22 },
  { sku: 'BT-SERUM-30', title: 'Vitamin C Face Serum, 30 ml', priceCents: 1895, weightOz: 3 },
  { sku: 'SP-YOGAMAT-6', title: 'Yoga Mat, 6 mm, Teal', priceCents: 2799, weightOz: 40 },
  { sku: 'OF-PEN-12', title: 'Gel Pens, Black, 12 Pack', priceCents: 749, weightOz: 4 },
  { sku: 'GD-HOSE-50', title: 'Expandable Garden Hose, 50 ft', priceCents: 3299, weightOz: 52 },
  { sku: 'HM-CANDLE-LAV', title: 'Soy Candle, Lavender, 8 oz', priceCents: 1450, weightOz: 14 },
];
