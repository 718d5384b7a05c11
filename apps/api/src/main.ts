import { placeholder } from '@app/config';

console.log(placeholder);
