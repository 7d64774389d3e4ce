import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, validate } from 'class-validator';
import { flattenValidationErrors } from './validation.pipe';

class TextsBody {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  texts!: unknown;
}

async function problemsOf(texts: unknown) {
  const body = Object.assign(new TextsBody(), texts === undefined ? {} : { texts });
  return flattenValidationErrors(await validate(body));
}

describe('flattenValidationErrors', () => {
  it('gives the type reason alone when a value is of the wrong type', async () => {
    expect(await problemsOf([null])).toEqual([
      { field: 'texts', reason: 'each value in texts must be a string' },
    ]);
  });

  it('gives only "must be an array" for a missing or non-array field', async () => {
    expect(await problemsOf(undefined)).toEqual([{ field: 'texts', reason: 'texts must be an array' }]);
    expect(await problemsOf('abc')).toEqual([{ field: 'texts', reason: 'texts must be an array' }]);
  });

  it('keeps every other reason when the type is right', async () => {
    expect((await problemsOf([])).map((p) => p.reason)).toEqual(['texts must contain at least 1 elements']);
    expect((await problemsOf(['x'.repeat(21)])).map((p) => p.reason)).toEqual([
      'each value in texts must be shorter than or equal to 20 characters',
    ]);
  });
});
