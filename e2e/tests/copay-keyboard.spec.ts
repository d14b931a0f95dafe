/**
 * The whole Copay journey with the keyboard only — no clicks: from the home page through the form, the picker,
 * the consent, the provider's sign-in, a bank and the sync, to the submitted application. Every control reached
 * shows a visible focus (`tabTo` checks `:focus-visible`).
 */
import {
  APPLICANT,
  COPAY_URL,
  expect,
  expectNoAxeViolations,
  focused,
  tabTo,
  test,
  type CopayApplicant,
} from '../fixtures.js';
import type { Page } from '@playwright/test';

async function typeInto(page: Page, label: RegExp, text: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.type(text);
}

/** A closed <select>: type-ahead picks the option, as a keyboard user would. */
async function chooseIn(page: Page, label: RegExp, typed: string, expected: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.type(typed, { delay: 50 });
  const value = await page.evaluate(
    () => (document.activeElement as HTMLSelectElement).selectedOptions[0]?.textContent ?? '',
  );
  expect(value).toBe(expected);
}

/** Picks a platform in the picker ("Search for your software" or "… bank"): search, arrow into the list, Enter. */
async function pickWithKeyboard(
  page: Page,
  what: 'software' | 'bank',
  search: string,
  platform: string,
): Promise<void> {
  await tabTo(page, new RegExp(`^Search for your ${what}$`));
  await page.keyboard.type(search);
  await expect(page.getByRole('option', { name: new RegExp(`^${platform}`) })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/** Presses the journey's Continue (by keyboard) until `target` can be reached. */
async function continueWithKeyboardUntil(page: Page, target: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 6 && !(await target()); i++) {
    await tabTo(page, /^Continue$/, { max: 20 }).catch(() => undefined);
    if ((await focused(page)).name === 'Continue') await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
  }
  expect(await target()).toBe(true);
}

test('a business completes the Copay application with the keyboard only', async ({ page }) => {
  test.setTimeout(120_000);
  const a: CopayApplicant = { ...APPLICANT, businessName: 'Keyboard Only Bakery' };

  await page.goto(COPAY_URL);
  await page.keyboard.press('Tab');
  expect((await focused(page)).name).toBe('Skip to main content');
  await tabTo(page, /^Apply for a loan$/);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${COPAY_URL}/apply`);

  await test.step('the form', async () => {
    await typeInto(page, /^Business name$/, a.businessName);
    await typeInto(page, /^Company registration number$/, a.registrationNumber);
    await chooseIn(page, /^Industry$/, 'Hosp', 'Hospitality');
    await typeInto(page, /^How much do you want to borrow\?$/, a.loanAmount);
    await chooseIn(page, /^Over how long\?$/, '24', '24 months');
    await chooseIn(page, /^What is the loan for\?$/, 'Equip', 'Equipment');
    await typeInto(page, /^Full name$/, a.contactName);
    await typeInto(page, /^Email address$/, 'not an email');
    await tabTo(page, /^I agree to Copay/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Save and continue$/);
    await page.keyboard.press('Enter');
    // The error summary takes focus; its link takes the keyboard to the field.
    expect((await focused(page)).tag).toBe('div');
    await expectNoAxeViolations(page, 'form with one error');
    await tabTo(page, /^Enter an email address in the correct format/);
    await page.keyboard.press('Enter');
    expect((await focused(page)).name).toBe('Email address');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(a.email);
    await tabTo(page, /^Save and continue$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${COPAY_URL}/apply/connect`);
  });

  await test.step('accounting software: picker, consent, provider', async () => {
    await pickWithKeyboard(page, 'software', 'Xero', 'Xero');
    await expect(page.getByRole('button', { name: 'Confirm' })).toBeVisible();
    await tabTo(page, /^Confirm$/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Continue to Xero' })).toBeVisible();
    await tabTo(page, /Continue to Xero/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Sign in to Xero — simulated' })).toBeVisible();
    await tabTo(page, /^Approve$/);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.origin === COPAY_URL);
  });

  await test.step('a bank', async () => {
    const bankPicker = page.getByRole('heading', { name: 'Choose your bank' });
    await continueWithKeyboardUntil(page, () => bankPicker.isVisible());
    await pickWithKeyboard(page, 'bank', 'Starling', 'Starling Bank');
    await expect(page.getByRole('button', { name: 'Continue to Starling Bank' })).toBeVisible();
    await tabTo(page, /Continue to Starling Bank/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Sign in to Starling Bank — simulated' })).toBeVisible();
    await tabTo(page, /^Approve$/);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.origin === COPAY_URL);
    const done = page.getByRole('button', { name: 'Done' });
    await continueWithKeyboardUntil(page, () => done.isVisible());
    await tabTo(page, /^Done$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${COPAY_URL}/apply/sync`);
  });

  await test.step('sync and submit', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Your data is ready' })).toBeVisible();
    await tabTo(page, /^Submit application$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${COPAY_URL}/application`);
    await expect(page.getByRole('heading', { level: 1, name: 'Application submitted' })).toBeVisible();
    await expect(page.getByText('Keyboard Only Bakery', { exact: true })).toBeVisible();
  });

  await test.step('Manage connections is reachable and operable too', async () => {
    await page.keyboard.press('Tab'); // from the top of the new page: skip link
    await tabTo(page, /^Manage connections$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${COPAY_URL}/connections`);
    await tabTo(page, /^Disconnect$/);
    await page.keyboard.press('Enter');
    // A confirmation dialog names the impact; Escape closes it and focus returns to the button.
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(page, 'disconnect confirmation dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect((await focused(page)).name).toBe('Disconnect');
  });
});
